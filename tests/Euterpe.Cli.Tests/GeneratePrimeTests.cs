using System.Diagnostics;
using System.Text;
using Euterpe.Core.Midi;

namespace Euterpe.Cli.Tests;

/// <summary>
/// <c>generate --prime</c> with the repository's n-gram preset: the primer is a short melody from the start of the
/// file's first tune, the output stays near the length asked for, and bad primers fail with one line.
/// </summary>
public sealed class GeneratePrimeTests : IDisposable
{
    private static readonly string NGram = RepositoryRoot.Combine("presets", "ngram-openmsx");
    private static readonly string FftLstm = RepositoryRoot.Combine("presets", "fft-lstm-bilinear-openmsx");
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Abc(string name, string text)
    {
        var path = _cli.Path(name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string OneErrorLine(int code, string stderr)
    {
        Assert.Equal(2, code);
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("internal error", lines[0]);
        return lines[0];
    }

    [Fact]
    public void AHugeOneLineTunePrimesWithItsFirstSecondsOnly()
    {
        // 200,000 eighth notes on one 2 MB line: before, all of them were primed (28 s) and the MIDI ran 500,002 s.
        var line = new StringBuilder(2_000_000);
        while (line.Length < 2_000_000) line.Append("cdef gabc|");
        var primer = Abc("long.abc", $"X:1\nT:long\nM:4/4\nL:1/8\nQ:1/4=120\nK:C\n{line}\n");
        var output = _cli.Path("long.mid");
        var clock = Stopwatch.StartNew();
        var (code, _, stderr) = DataCli.Invoke("generate", NGram, "--seconds", "5", "--out", output, "--seed", "1", "--prime", primer, "--tempo", "120");
        Assert.True(code == 0, stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        var generated = MidiFileReader.Read(output);
        // 8 s of primer (16 beats at 120 bpm) and 5 s more.
        Assert.InRange(generated.TotalSeconds, 8, 13.01);
        Assert.Equal([72, 74, 76, 77], generated.Notes.Take(4).Select(n => n.Pitch));
    }

    [Fact]
    public void PrimeSecondsSetsThePrimersLength()
    {
        var primer = Abc("tune.abc", "X:1\nM:4/4\nL:1/4\nQ:1/4=60\nK:C\nCDEF|GABc|dcBA|GFED|\n");
        var output = _cli.Path("short.mid");
        var (code, _, stderr) = DataCli.Invoke("generate", NGram, "--seconds", "2", "--out", output, "--seed", "1", "--prime", primer, "--prime-seconds", "3", "--tempo", "60");
        Assert.True(code == 0, stderr);
        var notes = MidiFileReader.Read(output).Notes.OrderBy(n => n.StartTick).ToList();
        Assert.Equal([60, 62, 64], notes.Take(3).Select(n => n.Pitch));
        Assert.InRange(MidiFileReader.Read(output).TotalSeconds, 3, 5.01);
    }

    [Fact]
    public void OnlyTheFirstTuneIsRead()
    {
        // The second tune divides a length by zero; the primer is the first tune, so it is never parsed.
        var primer = Abc("two.abc", "X:1\nM:4/4\nL:1/8\nK:G\nGABc dedB|\n\nX:2\nK:C\nA/0 B|\n");
        var (code, _, stderr) = DataCli.Invoke("generate", NGram, "--seconds", "2", "--out", _cli.Path("two.mid"), "--prime", primer);
        Assert.True(code == 0, stderr);
        Assert.Equal(67, MidiFileReader.Read(_cli.Path("two.mid")).Notes.OrderBy(n => n.StartTick).First().Pitch);
    }

    [Fact]
    public void ALengthDividedByZeroIsOneLineNamingThePlace()
    {
        var primer = Abc("zero.abc", "X:1\nL:1/8\nK:C\nAB A/0 c|\n");
        var output = _cli.Path("zero.mid");
        var (code, _, stderr) = DataCli.Invoke("generate", NGram, "--seconds", "2", "--out", output, "--prime", primer);
        Assert.Equal($"error: {primer}: line 4, column 4: note length divides by zero", OneErrorLine(code, stderr));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void ATuneOverFourMebibytesIsRefused()
    {
        var body = new StringBuilder();
        while (body.Length <= 4 << 20) body.Append(new string('A', 1000)).Append('\n');
        var primer = Abc("huge.abc", $"X:1\nK:C\n{body}");
        var (code, _, stderr) = DataCli.Invoke("generate", NGram, "--seconds", "2", "--out", _cli.Path("huge.mid"), "--prime", primer);
        Assert.Equal($"error: {primer}: line 1, column 1: the tune is longer than 4 MiB, too long to read as one tune", OneErrorLine(code, stderr));
    }

    [Theory]
    [InlineData("--prime-seconds", "0", "--prime-seconds: must be in (0, 60] (got 0)")]
    [InlineData("--prime-seconds", "61", "--prime-seconds: must be in (0, 60] (got 61)")]
    [InlineData("--seconds", "3600", "--seconds: 3600 s after the primer's 4 s is more than 3600 s in all")]
    public void LengthsPastTheCapsAreRefused(string option, string value, string expected)
    {
        var primer = Abc("tune.abc", "X:1\nM:4/4\nL:1/4\nQ:1/4=60\nK:C\nCDEF|\n");
        var args = new List<string> { "generate", NGram, "--out", _cli.Path("x.mid"), "--prime", primer, option, value };
        if (option != "--seconds") args.AddRange(["--seconds", "2"]);
        var (code, _, stderr) = DataCli.Invoke([.. args]);
        Assert.Equal("error: " + expected, OneErrorLine(code, stderr));
        Assert.False(File.Exists(_cli.Path("x.mid")));
    }

    [Fact]
    public void PrimeSecondsNeedsAPrime()
    {
        var (code, _, stderr) = DataCli.Invoke("generate", NGram, "--seconds", "2", "--out", _cli.Path("x.mid"), "--prime-seconds", "4");
        Assert.Equal("error: --prime-seconds: needs --prime FILE", OneErrorLine(code, stderr));
    }

    [Theory]
    [InlineData("--prime")]
    [InlineData("--prime-seconds")]
    public void AnAudioFamilyRefusesAPrimer(string option)
    {
        var primer = Abc("tune.abc", "X:1\nK:C\nCDEF|\n");
        var args = new List<string> { "generate", FftLstm, "--seconds", "1", "--out", _cli.Path("x.wav") };
        args.AddRange(option == "--prime" ? ["--prime", primer] : ["--prime-seconds", "4"]);
        var (code, _, stderr) = DataCli.Invoke([.. args]);
        Assert.Equal("error: --prime: the fft-lstm family makes audio and takes no primer", OneErrorLine(code, stderr));
        Assert.False(File.Exists(_cli.Path("x.wav")));
    }
}
