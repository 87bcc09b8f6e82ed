using Euterpe.Core.Evaluation;

namespace Euterpe.Quality;

/// <summary>
/// The targets of issue 14 for a note preset's sets against its training corpus (first seconds of each song): what
/// `generate` makes must sound like the corpus, and so must what the plug-in plays at its default controls.
/// </summary>
internal static class QualityTargets
{
    /// <summary>Highest peak that is not the plug-in's limiter at work (its ceiling is 0.977).</summary>
    public const double UnlimitedPeak = 0.97;

    public static IEnumerable<QualityTarget> Check(string preset, ComparisonReport report, IReadOnlyList<float> plugInPeaks)
    {
        var corpus = report.ReferenceSummary ?? throw new InvalidOperationException("no reference pieces to compare with");
        foreach (var set in report.Sets)
        {
            var s = set.Summary;
            var plugIn = set.Name == "plugin";
            QualityTarget T(string metric, double? value, double? reference, string bound, Func<double, bool> holds) =>
                new(preset, set.Name, metric, value, reference, bound, value is { } v && holds(v));

            yield return T("notes over 3 s", s.LongNoteShare, corpus.LongNoteShare, "<= 0.02", v => v <= 0.02);
            yield return T("note length median (s)", s.MedianNoteSeconds, corpus.MedianNoteSeconds, "corpus ±50 %",
                v => corpus.MedianNoteSeconds is { } c && v >= 0.5 * c && v <= 1.5 * c);
            if (plugIn)
            {
                yield return T("pitch-class L1 to corpus", set.PitchClassL1Distance, null, "<= 0.35", v => v <= 0.35);
                yield return T("peak sample (limiter idle)", plugInPeaks.Count > 0 ? plugInPeaks.Max() : null, null, $"< {UnlimitedPeak}", v => v < UnlimitedPeak);
                continue;
            }
            yield return T("notes sounding at once", s.SoundingNotes, corpus.SoundingNotes, "<= 1.3x corpus", v => corpus.SoundingNotes is { } c && v <= 1.3 * c);
            yield return T("pitch classes per bar", s.UsedPitchClassesPerBar, corpus.UsedPitchClassesPerBar, "<= 1.3x corpus",
                v => corpus.UsedPitchClassesPerBar is { } c && v <= 1.3 * c);
            yield return T("scale fit", s.ScaleFit, corpus.ScaleFit, ">= 0.85", v => v >= 0.85);
            yield return T("4-bar repetition", s.PhraseRepetition, corpus.PhraseRepetition, "> 0", v => v > 0);
            var longest = set.Pieces.Where(p => p.SharedRunNotes is not null).Select(p => (double?)p.SharedRunNotes).DefaultIfEmpty(null).Max();
            yield return T("longest run shared with a song", longest, null, "<= 12 notes", v => v <= 12);
            yield return T("velocity spread", s.VelocitySpread, corpus.VelocitySpread, "> 0 (modelled)", v => v > 0);
        }
    }
}
