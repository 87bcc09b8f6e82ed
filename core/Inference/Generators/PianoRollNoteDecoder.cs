using Euterpe.Core.Music;

namespace Euterpe.Core.Inference.Generators;

/// <summary>
/// Turns a roll of activations into notes: a cell at or above the threshold sounds, and a run of sounding steps on one
/// pitch is one held note. Deliberately simple (no onset channel, no re-articulation); a fuller piano-roll encoding may replace it.
/// </summary>
internal static class PianoRollNoteDecoder
{
    public static List<Note> Decode(ReadOnlySpan<float> roll, int steps, int pitches, float threshold, int lowestPitch,
        long ticksPerStep, double secondsPerStep, int velocity)
    {
        if (roll.Length != steps * pitches) throw new ArgumentException($"roll has {roll.Length} cells, not {steps} × {pitches}", nameof(roll));
        var notes = new List<Note>();
        for (var p = 0; p < pitches; p++)
        {
            var start = -1;
            for (var s = 0; s <= steps; s++)
            {
                var on = s < steps && roll[s * pitches + p] >= threshold;
                if (on && start < 0) start = s;
                else if (!on && start >= 0)
                {
                    notes.Add(new Note(lowestPitch + p, velocity, start * ticksPerStep, s * ticksPerStep, start * secondsPerStep, s * secondsPerStep));
                    start = -1;
                }
            }
        }
        notes.Sort((a, b) => a.StartTick != b.StartTick ? a.StartTick.CompareTo(b.StartTick) : a.Pitch.CompareTo(b.Pitch));
        return notes;
    }
}
