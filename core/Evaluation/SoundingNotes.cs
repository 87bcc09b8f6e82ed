using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// How many notes sound at once: the piece is sampled every <see cref="StepSeconds"/> from 0 s, at each instant t
/// the distinct melodic (non-drum) pitches with start ≤ t &lt; end are counted (a unison on two tracks is one), and
/// the metric is the mean count over the instants at which at least one pitch sounds. The OpenMSX songs' first
/// 60 s give about 3.0. NaN when no note covers a sampling instant.
/// </summary>
public static class SoundingNotes
{
    public const double StepSeconds = 0.05;

    // Instants are compared with a little slack, so that a note starting or ending on an instant counts the same
    // whatever the rounding of its seconds computed from ticks.
    private const double Slack = 1e-6;

    public static double MeanWhileSounding(NoteSequence sequence, double stepSeconds = StepSeconds)
    {
        if (!(stepSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(stepSeconds), "steps must be positive");
        var perPitch = new Dictionary<int, List<(long First, long End)>>();
        foreach (var n in sequence.Notes)
        {
            if (n.IsDrum) continue;
            var first = (long)Math.Ceiling(Math.Max(0, n.StartSeconds) / stepSeconds - Slack);
            var end = (long)Math.Ceiling(n.EndSeconds / stepSeconds - Slack);
            if (end <= first) continue; // too short to cover an instant
            if (!perPitch.TryGetValue(n.Pitch, out var list)) perPitch[n.Pitch] = list = [];
            list.Add((first, end));
        }
        var events = new List<(long Instant, int Delta)>();
        foreach (var list in perPitch.Values)
        {
            list.Sort();
            var (start, stop) = list[0];
            foreach (var (first, end) in list.Skip(1))
            {
                if (first <= stop) { stop = Math.Max(stop, end); continue; }
                events.Add((start, 1));
                events.Add((stop, -1));
                (start, stop) = (first, end);
            }
            events.Add((start, 1));
            events.Add((stop, -1));
        }
        if (events.Count == 0) return double.NaN;
        events.Sort();
        long instants = 0, pitchInstants = 0, previous = 0;
        var sounding = 0;
        foreach (var (instant, delta) in events)
        {
            if (sounding > 0)
            {
                instants += instant - previous;
                pitchInstants += (instant - previous) * sounding;
            }
            previous = instant;
            sounding += delta;
        }
        return (double)pitchInstants / instants;
    }
}
