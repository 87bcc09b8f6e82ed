using System.Globalization;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Midi;

/// <summary>
/// Sequences written by <see cref="MidiFileWriter"/> read back to the same notes with our reader, with
/// python3-mido and with midicsv; parsed files write back to the same events.
/// </summary>
public sealed class MidiRoundTripTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Fact]
    public void OpenMsxSongsRoundTripThroughOurReaderMidoAndMidicsv()
    {
        using var dir = new TempFolder("euterpe-midi-");
        var originals = new Dictionary<string, NoteSequence>();
        foreach (var source in MidiTestEnvironment.OpenMsxFiles())
        {
            var seq = MidiFileReader.Read(source);
            var path = dir.File(Path.GetFileName(source));
            MidiFileWriter.Write(seq, path);
            AssertSameMusic(seq, MidiFileReader.Read(path));
            AssertMidicsvAgrees(seq, path);
            originals[path] = seq;
        }
        AssertMidoAgrees(originals);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GeneratedSequencesRoundTripThroughOurReaderMidoAndMidicsv(int seed)
    {
        using var dir = new TempFolder("euterpe-midi-");
        var seq = GeneratedSequences.Create(seed);
        var path = dir.File($"generated-{seed}.mid");
        MidiFileWriter.Write(seq, path);
        var back = MidiFileReader.Read(path);
        AssertSameMusic(seq, back);
        Assert.Equal(seq.Title, back.Title);
        Assert.Equal(seq.Tracks.Skip(1), back.Tracks.Skip(1));
        AssertMidicsvAgrees(seq, path);
        AssertMidoAgrees(new() { [path] = seq });
    }

    [Fact]
    public void SmpteSequencesKeepTheirDivision()
    {
        var file = MidiFile.Parse(MidiBytes.File(MidiBytes.Header(0, 1, 0xE350), MidiBytes.Track([0x00, 0x90, 60, 100, 0x83, 0x60, 60, 0, .. MidiBytes.EndOfTrack])), "smpte.mid");
        var seq = MidiFileReader.ToNoteSequence(file, "smpte.mid");
        var back = MidiFile.Parse(MidiFileWriter.ToBytes(seq), "back.mid");
        Assert.Equal(file.Division, back.Division);
        AssertSameMusic(seq, MidiFileReader.ToNoteSequence(back, "back.mid"));
        Assert.Equal(480 * 1001 / 30000.0 / 80, seq.Notes[0].EndSeconds, 12);
    }

    [Fact]
    public void ParsedFilesWriteBackToTheSameEvents()
    {
        foreach (var source in MidiTestEnvironment.OpenMsxFiles())
        {
            var file = MidiFile.Read(source);
            var back = MidiFile.Parse(file.ToBytes(), "back.mid");
            Assert.Equal((file.Format, file.Division, file.Tracks.Count), (back.Format, back.Division, back.Tracks.Count));
            for (var t = 0; t < file.Tracks.Count; t++) Assert.Equal(file.Tracks[t].Events, back.Tracks[t].Events);
        }
    }

    [Fact]
    public void AFormatZeroFileWithSeveralTracksWritesBackAsItWas()
    {
        var data = MidiBytes.File(MidiBytes.Header(0, 2, 96), MidiBytes.Track(MidiBytes.EndOfTrack), MidiBytes.Track([0x00, 0x90, 60, 1, 0x01, 60, 0, .. MidiBytes.EndOfTrack]));
        Assert.Equal(data, MidiFile.Parse(data, "two.mid").ToBytes());
    }

    [Fact]
    public void WriteReplacesAnExistingFileWhole()
    {
        using var dir = new TempFolder("euterpe-midi-");
        var path = dir.File("replace.mid");
        File.WriteAllText(path, "old contents that are not MIDI");
        var seq = GeneratedSequences.Create(99);
        MidiFileWriter.Write(seq, path);
        Assert.Equal(MidiFileWriter.ToBytes(seq), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Root));
    }

    private static void AssertSameMusic(NoteSequence expected, NoteSequence actual)
    {
        Assert.Equal(expected.TicksPerQuarter, actual.TicksPerQuarter);
        Assert.Equal(expected.TempoMap.Changes, actual.TempoMap.Changes);
        Assert.Equal(Ordered(expected.Notes), Ordered(actual.Notes));
        Assert.Equal(expected.TimeSignatures, actual.TimeSignatures);
        Assert.Equal(expected.KeySignatures, actual.KeySignatures);
        Assert.Equal(expected.ControlChanges.OrderBy(c => c.ToString()), actual.ControlChanges.OrderBy(c => c.ToString()));
        Assert.Equal(expected.PitchBends.OrderBy(c => c.ToString()), actual.PitchBends.OrderBy(c => c.ToString()));
        Assert.Equal(NoteCsv.ToCsv(expected), NoteCsv.ToCsv(actual));
    }

    private static List<Note> Ordered(IEnumerable<Note> notes) =>
        [.. notes.OrderBy(n => n.StartTick).ThenBy(n => n.Track).ThenBy(n => n.Channel).ThenBy(n => n.Pitch).ThenBy(n => n.EndTick).ThenBy(n => n.Velocity)];

    private static void AssertMidoAgrees(Dictionary<string, NoteSequence> written)
    {
        var paths = written.Keys.ToArray();
        var csv = paths.Length == 1
            ? new Dictionary<string, string> { [paths[0]] = MidiTestEnvironment.RunMidoNotes(paths) }
            : MidiTestEnvironment.SplitByFile(MidiTestEnvironment.RunMidoNotes(paths));
        foreach (var path in paths) Assert.Equal(NoteCsv.ToCsv(written[path]), csv[path]);
    }

    /// <summary>midicsv decodes the file independently; pair its note events earliest-first and compare.</summary>
    private static void AssertMidicsvAgrees(NoteSequence expected, string path)
    {
        var notes = new List<(int Track, int Channel, int Pitch, int Velocity, long Start, long End)>();
        var open = new Dictionary<(int, int, int), Queue<(long, int)>>();
        var tempos = new List<TempoChange>();
        var division = 0;
        foreach (var line in MidiTestEnvironment.MidiCsv(path).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(", ");
            int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
            var (track, tick) = (I(0) - 1, long.Parse(f[1], CultureInfo.InvariantCulture));
            switch (f[2])
            {
                case "Header":
                    division = I(5);
                    break;
                case "Tempo":
                    tempos.Add(new TempoChange(tick, I(3)));
                    break;
                case "Note_on_c" when I(5) > 0:
                    var key = (track, I(3), I(4));
                    if (!open.TryGetValue(key, out var q)) open[key] = q = new();
                    q.Enqueue((tick, I(5)));
                    break;
                case "Note_on_c" or "Note_off_c":
                    if (open.TryGetValue((track, I(3), I(4)), out var queue) && queue.TryDequeue(out var on))
                        notes.Add((track, I(3), I(4), on.Item2, on.Item1, tick));
                    break;
            }
        }
        Assert.All(open.Values, q => Assert.Empty(q));
        if (expected.TempoMap.TicksPerSecond is null)
        {
            Assert.Equal(expected.TicksPerQuarter, division);
            Assert.Equal(expected.TempoMap.Changes, new TempoMap(division, tempos).Changes);
        }
        Assert.Equal(
            expected.Notes.Select(n => (n.Track, n.Channel, n.Pitch, n.Velocity, n.StartTick, n.EndTick)).Order(),
            notes.Order());
    }
}
