namespace Euterpe.Cli.Tests;

/// <summary>
/// <c>euterpe midi convert</c> refusing bad input and options that make no sense together: one <c>error:</c> line,
/// exit code 2, and no output file (an existing one left as it was, no temporary file left beside it).
/// </summary>
public sealed class MidiConvertErrorTests : IDisposable
{
    private static readonly string Song = Path.Combine(DataCli.OpenMsx, "tttheme2.mid");
    private static readonly string DemoAbc = "/usr/share/doc/abcmidi/examples/demo.abc";
    private readonly TempFolder _temp = new();
    private string _dir => _temp.Root;

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[], string> Refused() => new()
    {
        { ["--from", "3", "--bars", "1:2"], "error: --bars cannot be combined with --from or --to: slice by bars or by seconds" },
        { ["--to", "3", "--bars", "1:2"], "error: --bars cannot be combined with --from or --to: slice by bars or by seconds" },
        { ["--from", "5", "--to", "5"], "error: --to 5: must be a number of seconds after --from (5 s)" },
        { ["--from", "-1"], "error: --from -1: must be a number of seconds from 0" },
        { ["--bars", "0:4"], "error: --bars 0:4: expected FIRST:COUNT, two whole numbers from 1 (e.g. 9:8 for bars 9 to 16)" },
        { ["--bars", "3"], "error: --bars 3: expected FIRST:COUNT, two whole numbers from 1 (e.g. 9:8 for bars 9 to 16)" },
        { ["--quantize", "0"], "error: --quantize 0: steps per beat must be 1 or more" },
        { ["--transpose", "128"], "error: --transpose 128: must be within ±127 semitones" },
        { ["--track", "-1"], "error: --track -1: tracks are numbered from 0" },
        { ["--track", "14"], $"error: {Song}: no track 14 (its tracks are 0..13)" },
        { ["--bars", "39:1"], $"error: {Song}: --bars starts at bar 39, but the piece has 38 bars" },
        { ["--from", "200"], $"error: {Song}: the slice starts at 200 s, after its last note ends (83.948 s)" },
        { ["--track", "0"], $"error: {Song}: no notes left to write after the conversion" },
        { ["--tune", "1"], $"error: {Song}: --tune picks a tune of an ABC file, and this is a MIDI file" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusedWithOneLineAndNothingWritten(string[] options, string message)
    {
        RequireSong();
        AssertRefused(Song, "out.mid", options, message);
    }

    [Fact]
    public void AbcOutputNeedsAPowerOfTwoGridAndPitchedNotes()
    {
        RequireSong();
        AssertRefused(Song, "out.abc", ["--quantize", "3"],
            "error: --quantize 3: ABC output needs a power of two steps per beat (ABC lengths are power-of-two fractions; no tuplets are written)");
        AssertRefused(Song, "out.abc", ["--track", "10"], $"error: {Song}: no pitched notes for an ABC melody (drums only)");
    }

    [Fact]
    public void UnknownOutputTypeMissingTuneAndCorruptInputAreRefused()
    {
        RequireSong();
        AssertRefused(Song, "out.wav", [], $"error: {Path.Combine(_dir, "out.wav")}: unknown output type (use .mid or .abc)");
        AssertRefused(DemoAbc, "out.mid", ["--tune", "99"], $"error: {DemoAbc}: no tune X:99 (it has X:1, X:2, X:3, X:4, X:5, X:6, X:7, X:8, X:9, X:10, X:11, X:12)");
        var corrupt = Path.Combine(_dir, "corrupt.mid");
        File.WriteAllBytes(corrupt, File.ReadAllBytes(Song)[..1000]);
        AssertRefused(corrupt, "out.mid", [], null);
        var fresh = Path.Combine(_dir, "fresh.mid");
        Assert.Equal(2, MidiCommandTests.Invoke("midi", "convert", corrupt, "--out", fresh).Code);
        Assert.False(File.Exists(fresh));
        var missing = Path.Combine(_dir, "missing.mid");
        AssertRefused(missing, "out.mid", [], $"error: {missing}: not found");
    }

    /// <summary>Runs convert into <paramref name="outName"/>, which already holds other bytes, and checks the refusal.</summary>
    private void AssertRefused(string input, string outName, string[] options, string? message)
    {
        var output = Path.Combine(_dir, outName);
        File.WriteAllText(output, "the old file");
        var (code, stdout, stderr) = MidiCommandTests.Invoke(["midi", "convert", input, "--out", output, .. options]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        if (message is null) Assert.StartsWith($"error: {input}: ", stderr);
        else Assert.Equal(message + "\n", stderr);
        Assert.Equal("the old file", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        File.Delete(output);
    }

    private static void RequireSong() =>
        Assert.True(File.Exists(Song), $"{Song} is missing: install the Debian package openttd-openmsx (scripts/install-deps.sh)");
}
