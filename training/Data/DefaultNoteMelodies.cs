using Euterpe.Core;
using Euterpe.Core.Encoding;

namespace Euterpe.Training.Data;

/// <summary>
/// The melodies of a notes-encoded dataset as joint (pitch, duration) token arrays, for the families that play the
/// default notes encoding (rnn-gan, seqgan); other encodings and other note settings are refused in one line that
/// names the family.
/// </summary>
public static class DefaultNoteMelodies
{
    public static (List<int[]> Train, List<int[]> Validation) Of(PreparedDataset data, string family)
    {
        if (data.Encoding != DataEncoding.Notes || data.Manifest.Notes is not { } settings)
            throw new EuterpeException($"{data.Manifest.Data}: the cache is encoded as {data.Manifest.Encoding}; {family} needs melodies (prepare it with --encoding notes)");
        var defaults = new NoteEncodingSettings();
        if (settings.MinPitch != defaults.MinPitch || settings.MaxPitch != defaults.MaxPitch || settings.StepsPerBeat != defaults.StepsPerBeat
            || !settings.DurationSteps.SequenceEqual(defaults.DurationSteps))
            throw new EuterpeException($"{data.Manifest.Data}: {family} plays the default notes encoding (pitches {defaults.MinPitch}–{defaults.MaxPitch}, {defaults.StepsPerBeat} steps a beat, durations {string.Join(' ', defaults.DurationSteps)})");
        return ([.. data.Train.Select(p => p.Tokens)], [.. data.Validation.Select(p => p.Tokens)]);
    }
}
