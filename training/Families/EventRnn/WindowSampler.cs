using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Training.Data;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.EventRnn;

/// <summary>
/// Random training windows of L+1 tokens (input = first L, target = last L), drawn by <see cref="WindowPicker"/>:
/// batch n depends only on the seed and n, and pieces are picked in proportion to the windows they hold. With a
/// transposition range each window is moved by a drawn number of semitones, limited so that its notes stay inside the
/// encoding's pitch range; the windows picked are the same with or without it.
/// </summary>
public sealed class WindowSampler
{
    private readonly IReadOnlyList<PreparedSequence> _pieces;
    private readonly WindowPicker _picker;
    // The shifts come from their own stream, so a run with transposition trains on the same windows as one without.
    private readonly WindowPicker _shifts;
    private readonly int _transpose;
    private readonly PerformanceEncoding? _encoding;

    /// <param name="transpose">Largest transposition in semitones, either way (0: none; needs <paramref name="encoding"/>).</param>
    public WindowSampler(IReadOnlyList<PreparedSequence> pieces, int sequenceLength, ulong seed, string source, int transpose = 0, PerformanceEncoding? encoding = null)
    {
        if (transpose < 0 || transpose > 12) throw new EuterpeException($"--transpose: must be 0…12 semitones (got {transpose})");
        if (transpose > 0 && encoding is null) throw new ArgumentException("transposition needs the encoding", nameof(encoding));
        _transpose = transpose;
        _encoding = encoding;
        SequenceLength = sequenceLength;
        _pieces = pieces.Where(p => p.Tokens.Length > sequenceLength).ToList();
        if (_pieces.Count == 0)
            throw new EuterpeException($"{source}: no training piece is longer than --seq-len {sequenceLength} tokens");
        _picker = new WindowPicker(_pieces.Select(p => (long)(p.Tokens.Length - sequenceLength)), seed);
        _shifts = new WindowPicker([1], ~seed);
    }

    public int SequenceLength { get; }

    /// <summary>Fills inputs and targets ([batch·L] each, row-major) and the piece of each row.</summary>
    public void Fill(long step, long[] inputs, long[] targets, PreparedSequence[] rowPieces)
    {
        var batch = rowPieces.Length;
        _picker.Begin(step);
        _shifts.Begin(step);
        for (var b = 0; b < batch; b++)
        {
            var (index, at) = _picker.Next();
            var piece = _pieces[index];
            var start = (int)at;
            rowPieces[b] = piece;
            var window = piece.Tokens.AsSpan(start, SequenceLength + 1);
            var shift = _transpose > 0 ? Shift(window, _shifts.NextInt(2 * _transpose + 1) - _transpose) : 0;
            for (var t = 0; t < SequenceLength; t++)
            {
                inputs[b * SequenceLength + t] = Transposed(window[t], shift);
                targets[b * SequenceLength + t] = Transposed(window[t + 1], shift);
            }
        }
    }

    // The drawn shift, pulled back toward 0 as far as the window's lowest and highest notes need.
    private int Shift(ReadOnlySpan<int> window, int wanted)
    {
        int low = int.MaxValue, high = int.MinValue;
        foreach (var token in window)
        {
            if (token >= _encoding!.TimeShiftOffset) continue;
            var index = token < _encoding.NoteOffOffset ? token : token - _encoding.NoteOffOffset;
            low = Math.Min(low, index);
            high = Math.Max(high, index);
        }
        return low > high ? 0 : Math.Clamp(wanted, -low, _encoding!.PitchCount - 1 - high);
    }

    private int Transposed(int token, int shift) =>
        shift == 0 || token >= _encoding!.TimeShiftOffset ? token : token + shift;

}
