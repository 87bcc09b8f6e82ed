using System.Globalization;

namespace Euterpe.Cli.Tests;

/// <summary>
/// <c>euterpe midi split</c> on an OpenMSX song: python3-mido reads each part file as the song's notes of that track,
/// program or family (channel 10 being the drum kit), and the parts together as the whole song.
/// </summary>
public sealed class MidiSplitCommandTests : IDisposable
{
    private static readonly string Song = Path.Combine(DataCli.OpenMsx, "tttheme2.mid");
    private readonly TempFolder _temp = new();
    private string _dir => _temp.Root;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ByTrackOneFilePerTrackWithNotes()
    {
        var song = MidoNote.Read(Song);
        var parts = Split("track");
        var tracks = song.Select(n => n.Track).Distinct().Order().ToList();
        Assert.Equal(13, tracks.Count); // track 0 has no notes
        Assert.Equal(tracks.Select(t => $"tttheme2-track{t:00}.mid"), parts.Keys);
        foreach (var t in tracks) Assert.Equal(song.Where(n => n.Track == t), parts[$"tttheme2-track{t:00}.mid"]);
    }

    [Fact]
    public void ByInstrumentOneFilePerProgramAndOneForTheDrums()
    {
        var song = MidoNote.Read(Song);
        var parts = Split("instrument");
        var programs = song.Where(n => n.Channel != 9).Select(n => n.Program).Distinct().Order().ToList();
        Assert.Equal(["tttheme2-drums.mid", .. programs.Select(p => $"tttheme2-program{p:000}.mid")], parts.Keys);
        Assert.All(parts["tttheme2-drums.mid"], n => Assert.Equal(9, n.Channel));
        foreach (var p in programs) Assert.All(parts[$"tttheme2-program{p:000}.mid"], n => Assert.Equal((p, true), (n.Program, n.Channel != 9)));
        Assert.Equal(InOrder(song), InOrder(parts.Values.SelectMany(n => n)));
    }

    [Fact]
    public void ByFamilyOneFilePerFamilyOfEightPrograms()
    {
        var song = MidoNote.Read(Song);
        var parts = Split("family");
        // GM families: programs 0-7 piano, 24-31 guitar, 32-39 bass, 48-55 ensemble, 64-71 reed; channel 10 drums.
        string Family(MidoNote n) => n.Channel == 9 ? "drums" : (n.Program / 8) switch { 0 => "piano", 3 => "guitar", 4 => "bass", 6 => "ensemble", 8 => "reed", var g => $"group {g}" };
        Assert.Equal(song.Select(Family).Distinct().Order(StringComparer.Ordinal), parts.Keys.Select(k => k["tttheme2-".Length..^".mid".Length]).Order(StringComparer.Ordinal));
        foreach (var (file, notes) in parts) Assert.All(notes, n => Assert.Equal(file["tttheme2-".Length..^".mid".Length], Family(n)));
        Assert.Equal(InOrder(song), InOrder(parts.Values.SelectMany(n => n)));
    }

    [Fact]
    public void UnknownWayAndAFileForAFolderAreRefused()
    {
        var output = Path.Combine(_dir, "parts");
        var (code, stdout, stderr) = MidiCommandTests.Invoke("midi", "split", Song, "--out", output, "--by", "channel");
        Assert.Equal((2, "", "error: --by: unknown way 'channel' (expected one of: track, instrument, family)\n"), (code, stdout, stderr));
        File.WriteAllText(output, "a file");
        (code, stdout, stderr) = MidiCommandTests.Invoke("midi", "split", Song, "--out", output);
        Assert.Equal((2, "", $"error: {output}: is a file, not a folder\n"), (code, stdout, stderr));
        Assert.Equal("a file", File.ReadAllText(output));
        Assert.Single(Directory.GetFileSystemEntries(_dir));
    }

    private static IEnumerable<MidoNote> InOrder(IEnumerable<MidoNote> notes) =>
        notes.OrderBy(n => (n.Start, n.Track, n.Channel, n.Pitch, n.End, n.Velocity, n.Program));

    /// <summary>Runs the split into a fresh folder; returns mido's notes of every file written, by file name (ordinal order).</summary>
    private SortedDictionary<string, IReadOnlyList<MidoNote>> Split(string way)
    {
        Assert.True(File.Exists(Song), $"{Song} is missing: install the Debian package openttd-openmsx (scripts/install-deps.sh)");
        var output = Path.Combine(_dir, way);
        var (code, stdout, stderr) = MidiCommandTests.Invoke("midi", "split", Song, "--out", output, "--by", way);
        Assert.True(code == 0, stderr);
        var files = Directory.GetFiles(output);
        Assert.Equal(files.Length, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var parts = new SortedDictionary<string, IReadOnlyList<MidoNote>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var notes = MidoNote.Read(file);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"wrote {file}: {notes.Count} notes\n"), stdout);
            parts[Path.GetFileName(file)] = notes;
        }
        return parts;
    }
}
