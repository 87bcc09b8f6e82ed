using Euterpe.Core.Families.SeqGan;
using Euterpe.Training.Data;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// The SeqGAN's data: melodies as the scheme's tokens (joint tokens, or their pitch tokens) and every window of
/// <see cref="Length"/> of them (pieces shorter than a window are left out). Batch n depends only on the seed and n
/// (<see cref="WindowPicker"/>).
/// </summary>
public sealed class SeqGanCorpus
{
    private readonly List<int[]> _pieces;
    private readonly WindowPicker? _picker;

    public SeqGanCorpus(int length, IEnumerable<int[]> pieces, ulong seed)
    {
        Length = length;
        _pieces = [.. pieces.Where(p => p.Length >= length)];
        if (_pieces.Count > 0) _picker = new WindowPicker(_pieces.Select(p => (long)(p.Length - length + 1)), seed);
    }

    public int Length { get; }

    /// <summary>Pieces long enough for a window.</summary>
    public int Pieces => _pieces.Count;

    public long Windows => _pieces.Sum(p => (long)(p.Length - Length + 1));

    /// <summary>The joint-token melodies of a notes-encoded dataset (train, validation); refuses other encodings and other note settings.</summary>
    public static (List<int[]> Train, List<int[]> Validation) Melodies(PreparedDataset data) => DefaultNoteMelodies.Of(data, SeqGanFamily.Name);

    /// <summary>Joint tokens as the scheme's tokens: themselves ("vocabulary") or their pitch tokens ("ngram").</summary>
    public static int[] InScheme(int[] joint, string scheme) => scheme == SeqGanTokens.NGram ? [.. joint.Select(SeqGanTokens.Pitch)] : joint;

    /// <summary>Batch <paramref name="draw"/>: <paramref name="batch"/> windows' tokens, row after row, into <paramref name="tokens"/> [batch·Length].</summary>
    public void Fill(long draw, int batch, long[] tokens)
    {
        if (_picker is null) throw new InvalidOperationException("no windows");
        _picker.Begin(draw);
        for (var b = 0; b < batch; b++)
        {
            var (piece, start) = _picker.Next();
            for (var t = 0; t < Length; t++) tokens[b * Length + t] = _pieces[piece][start + t];
        }
    }

    /// <summary>Up to <paramref name="count"/> windows spread evenly over all windows: their tokens.</summary>
    public List<int[]> Spread(int count)
    {
        var all = _pieces.SelectMany((p, piece) => Enumerable.Range(0, p.Length - Length + 1).Select(start => (piece, start))).ToList();
        var take = Math.Min(count, all.Count);
        return [.. Enumerable.Range(0, take).Select(i => all[(int)((long)i * all.Count / take)]).Select(w => _pieces[w.piece][w.start..(w.start + Length)])];
    }

    /// <summary>Windows side by side (every <see cref="Length"/> tokens of each piece, no overlap), up to <paramref name="count"/>: for held-out likelihood.</summary>
    public List<int[]> Tiles(int count) =>
        [.. _pieces.SelectMany(p => Enumerable.Range(0, p.Length / Length).Select(k => p[(k * Length)..((k + 1) * Length)])).Take(count)];
}
