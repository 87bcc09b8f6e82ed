namespace Euterpe.Core.Evaluation;

/// <summary>
/// The plagiarism check: how much of a generated piece's pitch string also appears in some corpus piece.
/// <see cref="SubsequenceFraction"/> uses the longest common subsequence (order kept, gaps allowed);
/// <see cref="SubstringFraction"/> the longest common contiguous run, the stricter sign of copying. Both are
/// fractions of the generated piece's length, maximised over the corpus. With intervals (successive pitch
/// differences) the check ignores transposition. <see cref="SubsequenceLength"/> and <see cref="SubstringLength"/> are
/// the same matches as lengths in symbols (pitches, or intervals); -1 indexes and 0 lengths when nothing was compared.
/// </summary>
public sealed record LongestCommonOverlap(
    double SubsequenceFraction,
    double SubstringFraction,
    int SubsequenceCorpusIndex,
    int SubstringCorpusIndex,
    int SubsequenceLength,
    int SubstringLength)
{
    /// <summary>Compares a generated pitch string with every corpus string. NaN fractions when the generated string is empty.</summary>
    public static LongestCommonOverlap Against(int[] generated, IReadOnlyList<int[]> corpus, bool useIntervals = false) =>
        new OverlapCorpus(corpus, useIntervals).Measure(generated);

    /// <summary>
    /// Reference implementation: longest common subsequence and longest common substring lengths by the
    /// O(|a|·|b|) table (O(|b|) memory). <see cref="OverlapCorpus"/> gets the same numbers faster.
    /// </summary>
    public static (int Subsequence, int Substring) Lengths(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var subPrev = new int[b.Length + 1];
        var subCur = new int[b.Length + 1];
        var runPrev = new int[b.Length + 1];
        var runCur = new int[b.Length + 1];
        var longestRun = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                if (a[i - 1] == b[j - 1])
                {
                    subCur[j] = subPrev[j - 1] + 1;
                    runCur[j] = runPrev[j - 1] + 1;
                    if (runCur[j] > longestRun) longestRun = runCur[j];
                }
                else
                {
                    subCur[j] = Math.Max(subPrev[j], subCur[j - 1]);
                    runCur[j] = 0;
                }
            }
            (subPrev, subCur) = (subCur, subPrev);
            (runPrev, runCur) = (runCur, runPrev);
        }
        return (subPrev[b.Length], longestRun);
    }
}
