namespace Euterpe.Core.Evaluation;

/// <summary>
/// A reference corpus prepared for the plagiarism check (<see cref="LongestCommonOverlap"/>): one suffix automaton per
/// piece for the longest common substring (linear time per comparison), and the bit-parallel method for the longest
/// common subsequence (|generated|/64 word operations per corpus symbol). Build once, measure many generated pieces.
/// </summary>
public sealed class OverlapCorpus
{
    private readonly int[][] _strings;
    private readonly SuffixAutomaton[] _automata;

    public OverlapCorpus(IReadOnlyList<int[]> corpus, bool useIntervals = false)
    {
        UseIntervals = useIntervals;
        _strings = [.. corpus.Select(c => useIntervals ? PitchSequence.Intervals(c) : c)];
        _automata = [.. _strings.Select(s => new SuffixAutomaton(s))];
    }

    public bool UseIntervals { get; }

    public int Count => _strings.Length;

    public LongestCommonOverlap Measure(int[] generated)
    {
        var g = UseIntervals ? PitchSequence.Intervals(generated) : generated;
        if (g.Length == 0 || _strings.Length == 0) return new LongestCommonOverlap(double.NaN, double.NaN, -1, -1, 0, 0);
        var lcs = new BitParallelLcs(g);
        int bestSub = -1, bestSubIndex = -1, bestRun = -1, bestRunIndex = -1;
        for (var i = 0; i < _strings.Length; i++)
        {
            var sub = lcs.Length(_strings[i]);
            var run = _automata[i].LongestCommonSubstring(g);
            if (sub > bestSub) (bestSub, bestSubIndex) = (sub, i);
            if (run > bestRun) (bestRun, bestRunIndex) = (run, i);
        }
        return new LongestCommonOverlap((double)bestSub / g.Length, (double)bestRun / g.Length, bestSubIndex, bestRunIndex, bestSub, bestRun);
    }
}
