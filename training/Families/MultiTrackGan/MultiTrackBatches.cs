using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Training.Data;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// Batches of real clips for a critic step: clips drawn with replacement by a generator seeded from the run's seed and
/// the draw's index alone (so a resumed run sees what an uninterrupted one would), read one at a time from the cache.
/// </summary>
public sealed class MultiTrackBatches(MultiTrackClips clips, ulong seed)
{
    private readonly byte[] _cells = new byte[MultiTrackEncoding.CellsPerClip];
    private readonly RandomSource _random = new(0);

    public int Count => clips.Count;

    /// <summary>The training clips the batches are drawn from.</summary>
    public MultiTrackClips Clips => clips;

    /// <summary>Fills <paramref name="values"/> ([batch, 17, 64, 128]) with draw <paramref name="draw"/>'s clips, cells 0 or 1.</summary>
    public void Fill(long draw, int batch, float[] values)
    {
        _random.Reseed(seed * 0x9E3779B97F4A7C15UL ^ (ulong)draw);
        for (var b = 0; b < batch; b++)
        {
            clips.Read(_random.NextInt(clips.Count), _cells);
            var row = values.AsSpan(b * MultiTrackEncoding.CellsPerClip, MultiTrackEncoding.CellsPerClip);
            for (var i = 0; i < _cells.Length; i++) row[i] = _cells[i];
        }
    }
}
