using System.CommandLine;
using System.Globalization;
using Euterpe.Cli.Commands;
using Euterpe.Core.Midi;

namespace Euterpe.Cli.Tests;

/// <summary><c>euterpe midi notes|info</c> through the real command runner, checked against python3-mido and midicsv.</summary>
public sealed class MidiCommandTests : IDisposable
{
    private const string Song = "/usr/share/games/openttd/baseset/openmsx/tttheme2.mid";
    private readonly TempFolder _dir = new("euterpe-cli-midi-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CorruptFilePrintsOneErrorLineAndExitsTwo()
    {
        // A data byte where the first status byte should be: running status with no status, at offset 14 + 8 + 1.
        var path = _dir.File("corrupt.mid");
        File.WriteAllBytes(path, [.. "MThd"u8, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96, .. "MTrk"u8, 0, 0, 0, 4, 0x00, 0x3C, 0x40, 0x00]);
        foreach (var sub in new[] { "notes", "info" })
        {
            var (code, stdout, stderr) = Invoke("midi", sub, path);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Equal($"error: {path}: data byte 0x3C with no running status (offset 23)\n", stderr.ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public void TruncatedFileReportsTheChunkLengthOffset()
    {
        var path = _dir.File("truncated.mid");
        File.WriteAllBytes(path, File.ReadAllBytes(Song)[..1000]);
        var (code, _, stderr) = Invoke("midi", "notes", path);
        Assert.Equal(2, code);
        Assert.Matches(@"^error: .*truncated\.mid: chunk length \d+ runs past the end of the file \(1000 bytes\) \(offset \d+\)\n$", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void FolderIsNamedAsAFolderNotAnAccessError()
    {
        foreach (var sub in new[] { "notes", "info" })
        {
            var (code, stdout, stderr) = Invoke("midi", sub, _dir.Root);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Equal($"error: {_dir.Root}: is a directory, not a regular file\n", stderr.ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public async Task FifoNamedAsAMidiFileIsRefusedWithoutWaitingForAWriter()
    {
        var fifo = _dir.File("pipe.mid");
        ProcessRunner.Run("mkfifo", [fifo]).EnsureSuccess();
        // Opening a FIFO blocks until a writer comes: the answer must come without one (a TimeoutException if not).
        var (code, stdout, stderr) = await Task.Run(() => Invoke("midi", "info", fifo)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((2, "", $"error: {fifo}: is a FIFO, not a regular file\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
    }

    [Fact]
    public void FileLargerThanTheMidiLimitIsRefusedByItsSize()
    {
        var path = _dir.File("huge.mid");
        using (var stream = File.OpenWrite(path)) stream.SetLength(MidiFile.MaxFileBytes + 1); // sparse: nothing is written
        var (code, _, stderr) = Invoke("midi", "notes", path);
        Assert.Equal(2, code);
        Assert.Equal($"error: {path}: {MidiFile.MaxFileBytes + 1} bytes is too large for a MIDI file (at most {MidiFile.MaxFileBytes})\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void NotesPrintsWhatMidoComputes()
    {
        RequireSong();
        var (code, stdout, stderr) = Invoke("midi", "notes", Song);
        Assert.True(code == 0, stderr);
        Assert.Equal(MidoNotes(), stdout);
    }

    [Fact]
    public void InfoAgreesWithMidicsvOnFormatTracksAndDivision()
    {
        RequireSong();
        var (code, stdout, stderr) = Invoke("midi", "info", Song);
        Assert.True(code == 0, stderr);
        // midicsv's first line: 0, 0, Header, format, tracks, division.
        var header = ProcessRunner.Output("midicsv", Song).Split('\n')[0].Split(", ");
        Assert.Contains($"format: {header[3]} ", stdout);
        Assert.Contains($"tracks: {header[4]}\n", stdout);
        Assert.Contains($"division: {header[5]} ticks per quarter note\n", stdout);
        var midoNotes = MidoNotes().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Contains($"notes: {midoNotes} (", stdout);
        Assert.Matches(@"length: \d+ ticks, \d+\.\d{3} s", stdout);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(2, 2)]
    public void NotesOfAnAbcTuneAgreeWithAbc2midiOnPitchesAndOnsets(int? tune, int reference)
    {
        var abc = TwoTunes();
        string[] args = tune is null ? ["midi", "notes", abc] : ["midi", "notes", abc, "--tune", $"{tune}"];
        var (code, stdout, stderr) = Invoke(args);
        Assert.True(code == 0, stderr);
        // abc2midi renders the same tune; mido reads its notes back. Pitch and onset (to 10 ms) must agree, note for note.
        var midi = _dir.File($"abc2midi-{reference}.mid");
        ProcessRunner.Run("abc2midi", [abc, $"{reference}", "-NGUI", "-NGRA", "-silent", "-o", midi]).EnsureSuccess();
        Assert.Equal(PitchesAndOnsets(PythonRunner.RunScript(PythonRunner.Script("mido_notes.py"), midi)), PitchesAndOnsets(stdout));
    }

    [Fact]
    public void InfoOfAnAbcTuneSummarisesItsNotes()
    {
        var (code, stdout, stderr) = Invoke("midi", "info", TwoTunes(), "--tune", "2");
        Assert.True(code == 0, stderr);
        Assert.Contains("title: Second\n", stdout);
        Assert.Contains("notes: 4 (0 drum)\n", stdout);
        Assert.Contains("pitch range: 67..79\n", stdout);
        Assert.Contains("tick 0 (0.000 s): 100 bpm\n", stdout);
    }

    [Fact]
    public void TuneIsRefusedForAMidiFile()
    {
        var (code, _, stderr) = Invoke("midi", "info", Song, "--tune", "1");
        Assert.Equal(2, code);
        Assert.Equal($"error: {Song}: --tune picks a tune of an ABC file, and this is a MIDI file\n", stderr.ReplaceLineEndings("\n"));
    }

    private string TwoTunes()
    {
        var path = _dir.File("two.abc");
        File.WriteAllText(path, "X:1\nT:First\nM:4/4\nL:1/8\nQ:1/4=100\nK:D\nDEFG A2d2|c4 B2A2|\n\nX:2\nT:Second\nM:3/4\nL:1/4\nQ:1/4=100\nK:G\nG B d|g3|\n");
        return path;
    }

    /// <summary>(pitch, onset in seconds to 2 places) of each note of a notes CSV, in start order.</summary>
    private static List<(int Pitch, string Onset)> PitchesAndOnsets(string csv) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (int.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[7], CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture)))
            .OrderBy(n => n.Item2, StringComparer.Ordinal).ThenBy(n => n.Item1)];

    internal static (int Code, string Stdout, string Stderr) Invoke(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(MidiCommand.Create());
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CommandRunner.Invoke(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static void RequireSong() =>
        Assert.True(File.Exists(Song), $"{Song} is missing: install the Debian package openttd-openmsx (scripts/install-deps.sh)");

    private static string MidoNotes() => PythonRunner.RunScript(PythonRunner.Script("mido_notes.py"), Song);
}
