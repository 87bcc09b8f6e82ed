using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.IO;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Encoding;

/// <summary>
/// Piano-roll clips of real OpenMSX songs against mido's reading of the same files (pianoroll_mido.py, its own note
/// pairing and grid rounding): every clip, every cell, the same velocity. And clips back to notes.
/// </summary>
public sealed class PianoRollEncodingTests
{
    private const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";

    [Theory]
    [InlineData("be_sharp_bw_redfarn.mid")] // 256 ticks a beat, drums on channel 10
    [InlineData("chemistry_lab.mid")] // 480 ticks a beat, six pitched channels
    [InlineData("tttheme2.mid")] // 14 tracks
    public void The_clips_of_a_song_are_the_ones_mido_reads(string name)
    {
        var path = Path.Combine(OpenMsx, name);
        var clips = PianoRollEncoding.Clips(MusicFiles.Load(path)[0].Sequence);
        using var folder = new TempFolder("euterpe-pianoroll-");
        var reference = folder.File("mido.npy");
        PythonRunner.RunScript(PythonRunner.Script("pianoroll_mido.py"), path, reference);
        var expected = NpyFormat.Read(reference);
        Assert.Equal([clips.Count, PianoRollEncoding.Steps, PianoRollEncoding.Pitches], expected.Shape);
        Assert.True(clips.Count >= 4, $"{name}: only {clips.Count} clips");
        for (var c = 0; c < clips.Count; c++)
        {
            var mido = expected.Data.AsSpan(c * PianoRollEncoding.CellsPerClip, PianoRollEncoding.CellsPerClip);
            var mismatch = clips[c].AsSpan().CommonPrefixLength(mido);
            Assert.True(mismatch == PianoRollEncoding.CellsPerClip,
                $"{name} clip {c}: cell (step {mismatch / 128}, pitch {mismatch % 128}) is {(mismatch < PianoRollEncoding.CellsPerClip ? clips[c][mismatch] : 0)}, mido {(mismatch < PianoRollEncoding.CellsPerClip ? mido[mismatch] : 0)}");
            Assert.Contains(clips[c], v => v > 0);
        }
    }

    [Fact]
    public void A_song_not_in_four_four_is_refused_by_name()
    {
        var e = Assert.Throws<EuterpeException>(() => PianoRollEncoding.Clips(MusicFiles.Load(Path.Combine(OpenMsx, "boogi_marabi_redfarn.mid"))[0].Sequence));
        Assert.Equal("time signature 3/4, not 4/4", e.Message);
    }

    [Fact]
    public void A_clip_plays_back_as_the_notes_it_was_made_of_in_time_order()
    {
        var song = new NoteSequence(480);
        song.AddNote(60, 100, 0, 480);          // beat 0–1
        song.AddNote(64, 64, 240, 960);         // beat 0.5–2
        song.AddNote(60, 127, 960, 1200);       // beat 2–2.5, same pitch again
        song.AddNote(36, 90, 0, 4800, channel: 9, isDrum: true); // drums: left out
        song.AddNote(72, 50, 7200, 8160);       // beat 15–17: cut at the clip's end, the rest in clip 2
        var clips = PianoRollEncoding.Clips(song);
        Assert.Equal(2, clips.Count);
        var values = clips[0].Select(v => v / 127f).ToArray();
        var events = new ModelNoteEvent[64];
        var n = PianoRollEncoding.Events(values, 0.01f, 1, 32, 100, new int[128], events);
        var notes = events[..n];
        Assert.Equal(
            [(true, 60, 100, 32.0), (true, 64, 64, 32.5), (false, 60, 0, 33.0), (false, 64, 0, 34.0), (true, 60, 127, 34.0), (false, 60, 0, 34.5), (true, 72, 50, 47.0), (false, 72, 0, 48.0)],
            notes.Select(e => (e.IsNoteOn, e.Pitch, e.Velocity, e.Time)));
        // A threshold above a note's value silences it; a cap on notes keeps the earliest.
        Assert.DoesNotContain(events[..PianoRollEncoding.Events(values, 0.6f, 1, 0, 100, new int[128], events)], e => e.Pitch == 64 || e.Pitch == 72);
        Assert.Equal(4, PianoRollEncoding.Events(values, 0.01f, 1, 0, 2, new int[128], events));
    }
}
