using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.PianoRollGan;

/// <summary>
/// What `generate` does with a clip-at-a-time generator (dcgan, iwgan, dcrnn, wgan-gp): whole clips until the
/// requested length, then the notes cut exactly at --seconds (no grid to round the end up to).
/// </summary>
public static class ClipNotes
{
    /// <summary>Plays <paramref name="generator"/> (already reset) for <see cref="GenerationRequest.Seconds"/> at the request's tempo.</summary>
    public static NoteSequence UntilSeconds(INoteGenerator generator, GenerationRequest request)
    {
        var endBeat = request.Seconds * request.Tempo / 60;
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        var pairing = new NotePairing();
        while (generator.Time < endBeat)
        {
            var n = generator.Step(events);
            for (var i = 0; i < n; i++) pairing.Add(events[i]);
        }
        pairing.Close(generator.Time);
        return pairing.InBeats(request.Tempo, endBeat);
    }

    /// <summary>--threshold checked against the largest value a cell of the model can hold: above 0 and below it.</summary>
    public static float Threshold(double threshold, double max) =>
        threshold > 0 && threshold < max
            ? (float)threshold
            : throw new EuterpeException(FormattableString.Invariant($"--threshold: {threshold} is not above 0 and below the model's largest value {max}"));
}
