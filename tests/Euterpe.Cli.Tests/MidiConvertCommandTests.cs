using Euterpe.Core.Abc;
using Euterpe.Core.Encoding;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Tests;

/// <summary>
/// <c>euterpe midi convert</c> on OpenMSX songs and the abcmidi examples: the file it writes is what the core operations
/// give when applied directly, and what python3-mido and abc2midi read from it is the input edited as the options say.
/// </summary>
public sealed class MidiConvertCommandTests : IDisposable
{
    private static readonly string Song = Path.Combine(DataCli.OpenMsx, "tttheme2.mid");
    private const string AbcExamples = "/usr/share/doc/abcmidi/examples";
    private readonly TempFolder _temp = new();
    private string _dir => _temp.Root;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void QuantizeBarsAndTransposeAgreeWithTheCoreOperationsAndWithMido()
    {
        var source = Read(Song);
        Assert.Equal(480, source.TicksPerQuarter); // the grid and bar lengths below assume these
        Assert.All(source.TimeSignatures, t => Assert.Equal((4, 4), (t.Numerator, t.Denominator)));
        var output = Path.Combine(_dir, "edited.mid");

        var (code, stdout, stderr) = MidiCommandTests.Invoke("midi", "convert", Song, "--out", output, "--quantize", "4", "--bars", "5:4", "--transpose", "-5");
        Assert.True(code == 0, stderr);

        var expected = NoteTransposer.Transpose(NoteSlicer.SliceBars(NoteQuantizer.Quantize(source, 4), 4, 4), -5, TransposeRangePolicy.FoldOctaves);
        Assert.Equal(MidiFileWriter.ToBytes(expected), File.ReadAllBytes(output));
        Assert.StartsWith($"wrote {output}: {expected.Notes.Count} notes, ", stdout);

        // Independently: mido's notes of the song, snapped to sixteenths, cut to bars 5-8 and shifted down 5 (not the drums) here.
        const long step = 120, bar = 1920, from = 4 * bar, to = 8 * bar;
        static long Snap(long tick) => (long)Math.Round(tick / (double)step, MidpointRounding.AwayFromZero) * step;
        var edited = MidoNote.Read(Song)
            .Select(n => n with { Start = Snap(n.Start), End = Math.Max(Snap(n.End), Snap(n.Start) + step) })
            .Where(n => n.End > from && n.Start < to)
            .Select(n => n with { Start = Math.Max(n.Start, from) - from, End = Math.Min(n.End, to) - from, Pitch = n.Channel == 9 ? n.Pitch : n.Pitch - 5 });
        var written = MidoNote.Read(output);
        Assert.True(written.Count > 300, $"only {written.Count} notes in four bars");
        Assert.Equal(edited.Select(Ticks).Order(), written.Select(Ticks).Order());
    }

    [Fact]
    public void SecondsSliceAgreesWithNoteSlicerAndWithMido()
    {
        var song = Path.Combine(DataCli.OpenMsx, "be_sharp_bw_redfarn.mid"); // 17 tempo changes
        var output = Path.Combine(_dir, "slice.mid");
        const double from = 30.25, to = 61.5;

        var (code, _, stderr) = MidiCommandTests.Invoke("midi", "convert", song, "--out", output, "--from", "30.25", "--to", "61.5");
        Assert.True(code == 0, stderr);
        Assert.Equal(MidiFileWriter.ToBytes(NoteSlicer.SliceSeconds(Read(song), from, to)), File.ReadAllBytes(output));

        // What mido hears: the notes sounding between the two times, clipped to them and moved to start at 0 (within a tick).
        var sounding = MidoNote.Read(song).Where(n => n.EndSeconds > from && n.StartSeconds < to)
            .OrderBy(n => n.StartSeconds).ThenBy(n => n.Channel).ThenBy(n => n.Pitch).ToList();
        var written = MidoNote.Read(output).OrderBy(n => n.StartSeconds).ThenBy(n => n.Channel).ThenBy(n => n.Pitch).ToList();
        Assert.True(sounding.Count > 100, $"{sounding.Count} notes in the window");
        Assert.Equal(sounding.Select(n => (n.Channel, n.Pitch, n.Velocity)), written.Select(n => (n.Channel, n.Pitch, n.Velocity)));
        for (var i = 0; i < written.Count; i++)
        {
            Assert.Equal(Math.Max(sounding[i].StartSeconds, from) - from, written[i].StartSeconds, 0.003);
            Assert.Equal(Math.Min(sounding[i].EndSeconds, to) - from, written[i].EndSeconds, 0.003);
        }
    }

    [Fact]
    public void TrackAndMergeTracksKeepWhatMidoReadsOnThoseTracks()
    {
        var source = MidoNote.Read(Song);
        var one = Path.Combine(_dir, "track2.mid");
        var merged = Path.Combine(_dir, "merged.mid");
        var oneMerged = Path.Combine(_dir, "track2-merged.mid");
        foreach (var args in new[] { new[] { one, "--track", "2" }, [merged, "--merge-tracks"], [oneMerged, "--track", "2", "--merge-tracks"] })
        {
            var (code, _, stderr) = MidiCommandTests.Invoke(["midi", "convert", Song, "--out", .. args]);
            Assert.True(code == 0, stderr);
        }

        var track2 = source.Where(n => n.Track == 2).ToList();
        Assert.NotEmpty(track2);
        Assert.Equal(track2, MidoNote.Read(one));
        // Every note-on and note-off stays; where two tracks overlapped notes of one channel and pitch (tracks 6 and 8 here),
        // the merged track cannot say which off ends which note, and mido, like every reader, ends the earlier note first.
        var all = MidoNote.Read(merged);
        Assert.All(all, n => Assert.Equal(0, n.Track));
        Assert.Equal(source.Select(n => (n.Channel, n.Program, n.Pitch, n.Velocity, n.Start)).Order(), all.Select(n => (n.Channel, n.Program, n.Pitch, n.Velocity, n.Start)).Order());
        Assert.Equal(source.Select(n => (n.Channel, n.Pitch, n.End)).Order(), all.Select(n => (n.Channel, n.Pitch, n.End)).Order());
        Assert.Equal(track2.Select(n => n with { Track = 0 }), MidoNote.Read(oneMerged));
        // midicsv's header: format 0 with one track once merged.
        Assert.Equal("0, 0, Header, 0, 1, 480", ProcessRunner.Output("/usr/bin/midicsv", oneMerged).Split('\n')[0]);
    }

    [Fact]
    public void AbcOutputIsTheSkylineMelodyThatAbc2MidiPlaysBack()
    {
        var output = Path.Combine(_dir, "melody.abc");
        var (code, stdout, stderr) = MidiCommandTests.Invoke("midi", "convert", Song, "--out", output, "--quantize", "4");
        Assert.True(code == 0, stderr);

        var melody = new MonophonicNoteEncoding(0, 127, 4).Melody(NoteQuantizer.Quantize(Read(Song), 4));
        Assert.StartsWith($"wrote {output}: {melody.Notes.Count} melody notes, ", stdout);
        var back = AbcReader.ReadTunes(output).Single().Sequence;
        Assert.Equal(Quarters(melody), Quarters(back));

        // Independently, from mido's notes: per sixteenth the highest pitched note (drums left out) starts there.
        const long step = 120;
        var skyline = MidoNote.Read(Song).Where(n => n.Channel != 9)
            .GroupBy(n => (long)Math.Round(n.Start / (double)step, MidpointRounding.AwayFromZero))
            .OrderBy(g => g.Key)
            .Select(g => (Pitch: g.Max(n => n.Pitch), Seconds: g.Key * step * 60 / (106.0 * 480)))
            .ToList();
        var played = Abc2MidiNotes(output, 1);
        Assert.Equal(skyline.Select(n => n.Pitch), played.Select(n => n.Pitch));
        Assert.All(skyline.Zip(played), p => Assert.Equal(p.First.Seconds, p.Second.StartSeconds, 0.01));
    }

    [Fact]
    public void AbcTuneConvertedToAbcPlaysTheSameInAbc2Midi()
    {
        var tune = Path.Combine(AbcExamples, "demo.abc");
        var output = Path.Combine(_dir, "tune.abc");
        var (code, _, stderr) = MidiCommandTests.Invoke("midi", "convert", tune, "--tune", "3", "--out", output);
        Assert.True(code == 0, stderr);

        Assert.Contains("T:Smash the Windows\n", File.ReadAllText(output));
        var original = Abc2MidiNotes(tune, 3);
        var written = Abc2MidiNotes(output, 1);
        Assert.True(original.Count > 50, $"{original.Count} notes");
        Assert.Equal(original.Select(n => n.Pitch), written.Select(n => n.Pitch));
        Assert.All(original.Zip(written), p => Assert.Equal(p.First.StartSeconds, p.Second.StartSeconds, 0.01));
    }

    private static NoteSequence Read(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing: install the Debian package openttd-openmsx (scripts/install-deps.sh)");
        return MidiFileReader.Read(path);
    }

    private static (int, int, long, long, int, int, int) Ticks(MidoNote n) => (n.Track, n.Channel, n.Start, n.End, n.Pitch, n.Velocity, n.Program);

    private static IEnumerable<(int Pitch, double Start, double End)> Quarters(NoteSequence s) =>
        s.Notes.Select(n => (n.Pitch, n.StartTick / (double)s.TicksPerQuarter, n.EndTick / (double)s.TicksPerQuarter));

    /// <summary>abc2midi's rendering of tune <paramref name="reference"/> (guitar chords and grace notes off), read by mido, in time order.</summary>
    private List<MidoNote> Abc2MidiNotes(string abcFile, int reference)
    {
        var midi = Path.Combine(_dir, $"abc2midi-{Path.GetFileNameWithoutExtension(abcFile)}-{reference}.mid");
        ProcessRunner.Output("/usr/bin/abc2midi", abcFile, reference.ToString(System.Globalization.CultureInfo.InvariantCulture), "-NGUI", "-NGRA", "-silent", "-o", midi);
        return [.. MidoNote.Read(midi).OrderBy(n => n.Start).ThenBy(n => n.Pitch)];
    }
}
