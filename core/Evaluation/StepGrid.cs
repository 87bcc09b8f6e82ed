using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Notes snapped to a grid of steps per quarter note, as merged per-pitch intervals [start, end) — the piano-roll
/// view of a piece without building the roll. Drum notes are left out, tracks are merged.
/// </summary>
internal sealed class StepGrid
{
    public StepGrid(NoteSequence sequence, int stepsPerBeat)
    {
        if (stepsPerBeat < 1) throw new ArgumentOutOfRangeException(nameof(stepsPerBeat), "steps per beat must be positive");
        var perPitch = new List<(long Start, long End)>[128];
        foreach (var n in sequence.Notes)
        {
            if (n.IsDrum || (uint)n.Pitch >= 128) continue;
            var start = Math.Max(0, (long)Math.Round((double)n.StartTick * stepsPerBeat / sequence.TicksPerQuarter));
            var end = Math.Max(start + 1, (long)Math.Round((double)n.EndTick * stepsPerBeat / sequence.TicksPerQuarter));
            (perPitch[n.Pitch] ??= []).Add((start, end));
        }
        for (var p = 0; p < 128; p++)
        {
            var list = perPitch[p];
            if (list is null) continue;
            list.Sort();
            var merged = new List<(long Start, long End)>();
            foreach (var iv in list)
            {
                if (merged.Count > 0 && iv.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, iv.End));
                else merged.Add(iv);
            }
            Intervals[p] = merged;
            TotalSteps = Math.Max(TotalSteps, merged[^1].End);
        }
    }

    /// <summary>Per pitch, the sorted disjoint step ranges in which it sounds (null when it never does).</summary>
    public List<(long Start, long End)>?[] Intervals { get; } = new List<(long Start, long End)>?[128];

    /// <summary>Steps from 0 to the last note end.</summary>
    public long TotalSteps { get; }

    /// <summary>Number of steps in which at least <paramref name="minPitches"/> distinct pitches sound.</summary>
    public long StepsWithAtLeast(int minPitches) => Count(minPitches).Steps;

    /// <summary>Pitch-steps (one pitch sounding for one step) summed over the steps with at least one pitch.</summary>
    public long SoundingPitchSteps() => Count(1).PitchSteps;

    private (long Steps, long PitchSteps) Count(int minPitches)
    {
        var events = new List<(long Step, int Delta)>();
        foreach (var list in Intervals)
            if (list is not null)
                foreach (var (s, e) in list) { events.Add((s, 1)); events.Add((e, -1)); }
        events.Sort();
        long count = 0, pitchSteps = 0, previous = 0;
        var sounding = 0;
        foreach (var (step, delta) in events)
        {
            if (sounding >= minPitches)
            {
                count += step - previous;
                pitchSteps += (step - previous) * sounding;
            }
            previous = step;
            sounding += delta;
        }
        return (count, pitchSteps);
    }
}
