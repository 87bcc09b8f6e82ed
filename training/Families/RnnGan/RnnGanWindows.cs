using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// The RNN-GAN's data: every window of <see cref="Length"/> joint (pitch, duration) tokens of the given melodies
/// (pieces shorter than a window are left out). Batch n depends only on the seed and n (<see cref="WindowPicker"/>).
/// </summary>
public sealed class RnnGanWindows
{
    private readonly List<int[]> _pieces;
    private readonly WindowPicker? _picker;

    public RnnGanWindows(int length, IEnumerable<int[]> pieces, ulong seed)
    {
        Length = length;
        _pieces = [.. pieces.Where(p => p.Length >= length)];
        if (_pieces.Count > 0) _picker = new WindowPicker(_pieces.Select(p => (long)(p.Length - length + 1)), seed);
    }

    public int Length { get; }

    /// <summary>Pieces long enough for a window.</summary>
    public int Pieces => _pieces.Count;

    public long Windows => _pieces.Sum(p => (long)(p.Length - Length + 1));

    /// <summary>Batch <paramref name="draw"/>: <paramref name="batch"/> windows as one-hot rows [batch, Length, V] into <paramref name="oneHot"/>.</summary>
    public void FillOneHot(long draw, int batch, int vocabulary, float[] oneHot)
    {
        if (_picker is null) throw new InvalidOperationException("no windows");
        Array.Clear(oneHot, 0, batch * Length * vocabulary);
        _picker.Begin(draw);
        for (var b = 0; b < batch; b++)
        {
            var (piece, start) = _picker.Next();
            for (var t = 0; t < Length; t++) oneHot[(b * Length + t) * vocabulary + _pieces[piece][start + t]] = 1;
        }
    }

    /// <summary>Up to <paramref name="count"/> windows spread evenly over all windows: their tokens.</summary>
    public List<int[]> Spread(int count)
    {
        var all = _pieces.SelectMany((p, piece) => Enumerable.Range(0, p.Length - Length + 1).Select(start => (piece, start))).ToList();
        var take = Math.Min(count, all.Count);
        return [.. Enumerable.Range(0, take).Select(i => all[(int)((long)i * all.Count / take)]).Select(w => _pieces[w.piece][w.start..(w.start + Length)])];
    }
}
