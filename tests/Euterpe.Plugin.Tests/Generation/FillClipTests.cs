using System.Diagnostics;
using Euterpe.Core.Families;
using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Core.Generation;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// Fill Clip with the shipped pix2pix preset on a real clip (bars 5–8 of an OpenMSX song): the instrument's generator
/// makes exactly the notes of `generate --infill` on the same clip (the clip's own and the filled ones), and the host
/// plays them sample-accurately from a bar line, looped. In the allocation collection: hosts here run worker threads.
/// </summary>
[Collection(nameof(AllocationTests))]
public sealed class FillClipTests : IDisposable
{
    private const double SampleRate = 48000;
    private readonly TempFolder _folder = new("euterpe-fill-clip-");

    public void Dispose() => _folder.Dispose();

    /// <summary>Bars 5–8 of coconut_run2 as a 4-bar clip file, as Capture Clip writes one.</summary>
    private string Clip()
    {
        var song = MidiFileReader.Read("/usr/share/games/openttd/baseset/openmsx/coconut_run2.mid");
        var tpq = song.TicksPerQuarter;
        var clip = new NoteSequence(tpq);
        clip.TimeSignatures.Add(new TimeSignature(0, 4, 4));
        long from = 16L * tpq, to = 32L * tpq;
        // One line of notes per pitch (the song doubles some across tracks): a note sounds once, never over another of its pitch.
        var free = new long[128];
        foreach (var n in song.Notes.Where(n => !n.IsDrum && n.StartTick >= from && n.StartTick < to).OrderBy(n => n.StartTick))
        {
            if (n.StartTick < free[n.Pitch]) continue;
            clip.AddNote(n.Pitch, n.Velocity, n.StartTick - from, Math.Min(n.EndTick, to) - from);
            free[n.Pitch] = n.EndTick;
        }
        clip.Sort();
        Assert.True(clip.Notes.Count >= 10, $"{clip.Notes.Count} notes");
        var path = _folder.Path("clip.mid");
        MidiFileWriter.Write(clip, path);
        return path;
    }

    /// <summary>`generate --infill CLIP` as notes in beats from the clip's start: (pitch, start, end, velocity), ordered.</summary>
    private static List<(int Pitch, double Start, double End, int Velocity)> Generated(string clip, out int added)
    {
        var slot = TestPresets.SlotOf(TestPresets.ShippedPix2PixId);
        var (preset, _) = ModelFamilies.Open(PresetCatalog.Shared.AtSlot(slot)!.Path);
        var filled = Pix2PixFamily.Instance.Infill(preset, clip, null, null, out added);
        double tpq = filled.TicksPerQuarter;
        return [.. filled.Notes.Select(n => (n.Pitch, n.StartTick / tpq, n.EndTick / tpq, n.Velocity)).OrderBy(n => n.Item2).ThenBy(n => n.Pitch)];
    }

    [Fact]
    public void The_instruments_fill_is_generate_infills_on_the_same_clip()
    {
        var clip = Clip();
        var expected = Generated(clip, out var added);
        Assert.True(added > 0, "the preset filled nothing into the clip");
        var slot = TestPresets.SlotOf(TestPresets.ShippedPix2PixId);
        var (preset, family) = ModelFamilies.Open(PresetCatalog.Shared.AtSlot(slot)!.Path);
        using var generator = family.OpenNotes(preset);
        Assert.True(generator.FillClip(clip));
        generator.Reset(0);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        var n = generator.Step(events);
        Assert.Equal(16.0, generator.Time);
        var open = new Dictionary<int, (double Start, int Velocity)>();
        var played = new List<(int Pitch, double Start, double End, int Velocity)>();
        foreach (var e in events[..n])
            if (e.IsNoteOn) open[e.Pitch] = (e.Time, e.Velocity);
            else if (open.Remove(e.Pitch, out var on)) played.Add((e.Pitch, on.Start, e.Time, on.Velocity));
        played = [.. played.OrderBy(p => p.Start).ThenBy(p => p.Pitch)];
        Assert.Equal(expected, played);
    }

    [Fact]
    public void Pressing_Fill_Clip_plays_the_filled_clip_from_a_bar_line_sample_for_sample()
    {
        var clip = Clip();
        var expected = Generated(clip, out _);
        using var host = GenerationTests.Start(out var driver, 120, 0, TestPresets.ShippedPix2PixId);
        driver.Run(1);
        driver.Link.LastClip = clip;
        var before = driver.Link.FillClipsDone;
        driver.Set(ParameterId.FillClip, 1);
        driver.Run(0.1);
        driver.Set(ParameterId.FillClip, 0);
        var clock = Stopwatch.StartNew();
        while (driver.Link.FillClipsDone == before && clock.Elapsed.TotalSeconds < 20) driver.Run(0.1);
        Assert.Equal(before + 1, driver.Link.FillClipsDone);
        driver.ClearNotes();
        // Two and a half passes of 16 beats (8 s at 120 bpm): the second whole pass is compared.
        driver.Run(20);
        var notes = new List<(int Pitch, long Start, long End, float Velocity)>();
        var starts = new Dictionary<int, (long Sample, float Velocity)>();
        foreach (var note in driver.Notes)
        {
            if (note.IsNoteOn) starts[note.Pitch] = (note.Sample, note.Velocity);
            else if (starts.Remove(note.Pitch, out var on)) notes.Add((note.Pitch, on.Sample, note.Sample, on.Velocity));
        }
        double SampleOf(double beat) => beat * 60 / driver.Tempo * SampleRate;
        // The passes start on a bar line (the next after the press): the second pass is the one 16 beats after the bar
        // line where the first expected note's onset lies its own distance from it.
        var first = expected[0];
        var candidates = notes.Where(p => p.Pitch == first.Pitch).Select(p => p.Start / SampleRate * driver.Tempo / 60 - first.Start)
            .Where(a => Math.Abs(a - Math.Round(a / 4) * 4) < 1e-3 && a >= 0).Select(a => Math.Round(a / 4) * 4 + 16).Distinct().Order().ToList();
        List<(int Pitch, long Start, long End, float Velocity)> Pass(double at) =>
            [.. notes.Where(p => p.Start >= SampleOf(at) - 1 && p.Start < SampleOf(at + 16) - 1).OrderBy(p => p.Start).ThenBy(p => p.Pitch)];
        Assert.NotEmpty(candidates);
        var anchor = candidates.OrderByDescending(a => Pass(a).Count == expected.Count).First();
        var pass = Pass(anchor);
        Assert.Equal(expected.Count, pass.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], pass[i]);
            Assert.Equal(e.Pitch, a.Pitch);
            Assert.InRange(a.Start, Math.Round(SampleOf(anchor + e.Start)) - 1, Math.Round(SampleOf(anchor + e.Start)) + 1);
            Assert.InRange(a.End, Math.Round(SampleOf(anchor + e.End)) - 1, Math.Round(SampleOf(anchor + e.End)) + 1);
            Assert.Equal(e.Velocity / 127f, a.Velocity, 5);
        }
    }
}
