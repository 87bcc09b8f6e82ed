using Euterpe.Core;
using Euterpe.Training.Data;

namespace Euterpe.Training.Training;

/// <summary>
/// Random training windows of L+1 tokens (input = first L, target = last L). Batch n depends only on the seed and n,
/// so a resumed run draws exactly the windows the uninterrupted run would have drawn. Pieces are picked in
/// proportion to the windows they hold.
/// </summary>
public sealed class WindowSampler
{
    private readonly IReadOnlyList<PreparedSequence> _pieces;
    private readonly long[] _cumulative;
    private readonly ulong _seed;

    public WindowSampler(IReadOnlyList<PreparedSequence> pieces, int sequenceLength, ulong seed, string source)
    {
        SequenceLength = sequenceLength;
        _seed = seed;
        _pieces = pieces.Where(p => p.Tokens.Length > sequenceLength).ToList();
        if (_pieces.Count == 0)
            throw new EuterpeException($"{source}: no training piece is longer than --seq-len {sequenceLength} tokens");
        _cumulative = new long[_pieces.Count];
        long total = 0;
        for (var i = 0; i < _pieces.Count; i++) _cumulative[i] = total += _pieces[i].Tokens.Length - sequenceLength;
    }

    public int SequenceLength { get; }

    /// <summary>Fills inputs and targets ([batch·L] each, row-major) and the piece of each row.</summary>
    public void Fill(long step, long[] inputs, long[] targets, PreparedSequence[] rowPieces)
    {
        var batch = rowPieces.Length;
        var state = Mix(_seed ^ Mix((ulong)step + 0x9E3779B97F4A7C15UL));
        for (var b = 0; b < batch; b++)
        {
            state = Mix(state + 0x9E3779B97F4A7C15UL);
            var position = (long)(state % (ulong)_cumulative[^1]);
            var index = Array.BinarySearch(_cumulative, position + 1);
            if (index < 0) index = ~index;
            var piece = _pieces[index];
            var start = (int)(position - (index == 0 ? 0 : _cumulative[index - 1]));
            rowPieces[b] = piece;
            for (var t = 0; t < SequenceLength; t++)
            {
                inputs[b * SequenceLength + t] = piece.Tokens[start + t];
                targets[b * SequenceLength + t] = piece.Tokens[start + t + 1];
            }
        }
    }

    /// <summary>SplitMix64's finaliser.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
