using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Training.Data;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>
/// Batches of real clips for a step: clips drawn with replacement by a generator seeded from the run's seed and the
/// step alone (so a resumed run sees what an uninterrupted one would), read one at a time from the cache and scaled
/// from velocity to [0, 1], or made binary (a sounding cell 1) for the improved-Wasserstein GAN.
/// </summary>
public sealed class DcganBatches(PianoRollClips clips, ulong seed, bool binary = false)
{
    private readonly byte[] _cells = new byte[PianoRollEncoding.CellsPerClip];
    private readonly RandomSource _random = new(0);

    public int Count => clips.Count;

    /// <summary>Fills <paramref name="values"/> ([batch, 384, 128]) with the step's clips.</summary>
    public void Fill(long step, int batch, float[] values)
    {
        _random.Reseed(seed * 0x9E3779B97F4A7C15UL ^ (ulong)step);
        for (var b = 0; b < batch; b++)
        {
            clips.Read(_random.NextInt(clips.Count), _cells);
            var row = values.AsSpan(b * PianoRollEncoding.CellsPerClip, PianoRollEncoding.CellsPerClip);
            var scale = PianoRollEncoding.MaxValue / 127f;
            for (var i = 0; i < _cells.Length; i++) row[i] = binary ? (_cells[i] > 0 ? PianoRollEncoding.MaxValue : 0) : _cells[i] * scale;
        }
    }
}
