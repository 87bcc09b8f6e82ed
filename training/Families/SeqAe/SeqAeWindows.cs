using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// The seq-ae's training data: windows of <see cref="Chunks"/> consecutive subsequences of <see cref="Length"/> joint
/// (pitch, duration) tokens, from any start in a melody (melodies shorter than a window are left out). Batch n
/// depends only on the seed and n (<see cref="WindowPicker"/>).
/// </summary>
public sealed class SeqAeWindows
{
    private readonly List<int[]> _pieces;
    private readonly WindowPicker? _picker;

    public SeqAeWindows(int length, int chunks, IEnumerable<int[]> pieces, ulong seed)
    {
        Length = length;
        Chunks = chunks;
        _pieces = [.. pieces.Where(p => p.Length >= length * chunks)];
        if (_pieces.Count > 0) _picker = new WindowPicker(_pieces.Select(p => (long)(p.Length - length * chunks + 1)), seed);
    }

    public int Length { get; }

    public int Chunks { get; }

    /// <summary>Pieces long enough for a window.</summary>
    public int Pieces => _pieces.Count;

    public long Windows => _pieces.Sum(p => (long)(p.Length - Length * Chunks + 1));

    /// <summary>Batch <paramref name="draw"/>: <paramref name="batch"/> windows' tokens, [batch, Chunks, Length] row-major, into <paramref name="tokens"/>.</summary>
    public void Fill(long draw, int batch, long[] tokens)
    {
        if (_picker is null) throw new InvalidOperationException("no windows");
        var span = Length * Chunks;
        _picker.Begin(draw);
        for (var b = 0; b < batch; b++)
        {
            var (piece, start) = _picker.Next();
            for (var t = 0; t < span; t++) tokens[b * span + t] = _pieces[piece][start + t];
        }
    }
}
