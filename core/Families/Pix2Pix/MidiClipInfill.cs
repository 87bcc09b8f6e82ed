using Euterpe.Core.IO;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.Pix2Pix;

/// <summary>
/// `generate --infill`: a user's MIDI clip filled by <see cref="ClipFiller"/>. The clip's pitched notes (drums are kept
/// but not shown to the model) go onto the 8-steps-a-beat grid from its first tick (a note covers steps
/// [round(start), round(end)), at least one); its length is its last note's end rounded up to a whole 4/4 bar. The
/// output is the clip as read with every note kept, plus the filled notes on a track of their own named
/// <see cref="FillTrackName"/>, on the channel and program of the clip's first pitched note, in the clip's own tempo map.
/// </summary>
public static class MidiClipInfill
{
    public const string FillTrackName = "pix2pix fill";

    /// <summary>Reads <paramref name="path"/> and returns it filled; the count of filled notes in <paramref name="added"/>.</summary>
    /// <param name="bars">1-based inclusive bars to blank and fill; null fills the whole clip around its notes.</param>
    public static NoteSequence Fill(ClipFiller filler, string path, (int First, int Last)? bars, float threshold, out int added)
    {
        var (clip, notes, clipBars) = Read(path);
        if (bars is var (first, last) && (first < 1 || last < first || last > clipBars))
            throw new EuterpeException($"{path}: --bars {first}-{last} is outside the clip's bars 1-{clipBars}");
        var filled = filler.Fill(notes, clipBars, bars is var (a, b) ? (a - 1, b - 1) : null, threshold);
        var model = clip.Notes.First(n => !n.IsDrum && n.Pitch is >= 0 and < Pix2PixGrid.Pitches);
        var track = new[] { clip.Tracks.Select(t => t.Index), clip.Notes.Select(n => n.Track), clip.ControlChanges.Select(c => c.Track), clip.ProgramChanges.Select(p => p.Track), clip.PitchBends.Select(b => b.Track) }
            .SelectMany(t => t).DefaultIfEmpty(-1).Max() + 1;
        clip.Tracks.Add(new TrackInfo(track, FillTrackName));
        foreach (var note in filled)
            clip.AddNote(note.Pitch, note.Velocity, TickOf(note.StartStep, clip.TicksPerQuarter), TickOf(note.EndStep, clip.TicksPerQuarter), model.Channel, model.Program, track: track);
        clip.Sort();
        added = filled.Count;
        return clip;
    }

    /// <summary>
    /// A MIDI clip as the filler sees it: the sequence as read, its pitched notes on the grid, and its length in bars.
    /// One error line for a file that is not MIDI, not readable, not in 4/4 or has no pitched note.
    /// </summary>
    public static (NoteSequence Clip, List<RollNote> Notes, int Bars) Read(string path)
    {
        if (!MusicFiles.IsMidi(path)) throw new EuterpeException($"{path}: --infill needs a MIDI file (.mid, .midi, .kar)");
        var pieces = MusicFiles.Load(path);
        if (pieces.Count == 0) throw new EuterpeException($"{path}: no music in the file");
        var clip = pieces[0].Sequence;
        if (clip.TempoMap.TicksPerSecond is not null) throw new EuterpeException($"{path}: timed in SMPTE frames, not beats: the model fills 4/4 bars");
        if (clip.TimeSignatures.FirstOrDefault(t => t.Numerator != 4 || t.Denominator != 4) is { Numerator: > 0 } other)
            throw new EuterpeException($"{path}: time signature {other.Numerator}/{other.Denominator}, not 4/4: the model fills 4/4 bars");
        var tpq = clip.TicksPerQuarter;
        var notes = clip.Notes.Where(n => !n.IsDrum && n.Pitch is >= 0 and < Pix2PixGrid.Pitches).Select(n =>
        {
            var start = StepOf(n.StartTick, tpq);
            return new RollNote(n.Pitch, Math.Clamp(n.Velocity, 1, 127), (int)start, (int)Math.Max(StepOf(n.EndTick, tpq), start + 1));
        }).ToList();
        if (notes.Count == 0) throw new EuterpeException($"{path}: no pitched notes to fill around (drums are not filled)");
        var bars = Math.Max(1, (notes.Max(n => n.EndStep) + Pix2PixGrid.StepsPerBar - 1) / Pix2PixGrid.StepsPerBar);
        return (clip, notes, bars);
    }

    /// <summary>The grid step nearest a tick (halves round up), in integers.</summary>
    public static long StepOf(long tick, int ticksPerQuarter) => (2 * tick * Pix2PixGrid.StepsPerBeat + ticksPerQuarter) / (2L * ticksPerQuarter);

    /// <summary>The tick nearest a grid step.</summary>
    public static long TickOf(int step, int ticksPerQuarter) => (2L * step * ticksPerQuarter + Pix2PixGrid.StepsPerBeat) / (2L * Pix2PixGrid.StepsPerBeat);
}
