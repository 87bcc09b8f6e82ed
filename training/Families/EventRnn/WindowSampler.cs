using Euterpe.Core;
using Euterpe.Training.Data;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.EventRnn;

/// <summary>
/// Random training windows of L+1 tokens (input = first L, target = last L), drawn by <see cref="WindowPicker"/>:
/// batch n depends only on the seed and n, and pieces are picked in proportion to the windows they hold.
/// </summary>
public sealed class WindowSampler
{
    private readonly IReadOnlyList<PreparedSequence> _pieces;
    private readonly WindowPicker _picker;

    public WindowSampler(IReadOnlyList<PreparedSequence> pieces, int sequenceLength, ulong seed, string source)
    {
        SequenceLength = sequenceLength;
        _pieces = pieces.Where(p => p.Tokens.Length > sequenceLength).ToList();
        if (_pieces.Count == 0)
            throw new EuterpeException($"{source}: no training piece is longer than --seq-len {sequenceLength} tokens");
        _picker = new WindowPicker(_pieces.Select(p => (long)(p.Tokens.Length - sequenceLength)), seed);
    }

    public int SequenceLength { get; }

    /// <summary>Fills inputs and targets ([batch·L] each, row-major) and the piece of each row.</summary>
    public void Fill(long step, long[] inputs, long[] targets, PreparedSequence[] rowPieces)
    {
        var batch = rowPieces.Length;
        _picker.Begin(step);
        for (var b = 0; b < batch; b++)
        {
            var (index, at) = _picker.Next();
            var piece = _pieces[index];
            var start = (int)at;
            rowPieces[b] = piece;
            for (var t = 0; t < SequenceLength; t++)
            {
                inputs[b * SequenceLength + t] = piece.Tokens[start + t];
                targets[b * SequenceLength + t] = piece.Tokens[start + t + 1];
            }
        }
    }

}
