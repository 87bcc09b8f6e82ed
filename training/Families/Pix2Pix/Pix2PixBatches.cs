using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Core.Generation;
using Euterpe.Training.Data;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// Crops and their facades for a step: clips drawn with replacement by a generator seeded from the run's seed and the
/// step alone (so a resumed run sees what an uninterrupted one would), read one at a time from the cache, read at 8
/// steps a beat (<see cref="Pix2PixGrid.FromCacheClip"/>), each facade made from (seed, step, position in the batch).
/// </summary>
public sealed class Pix2PixBatches(PianoRollClips clips, ulong seed, FacadeMaker facades)
{
    private readonly byte[] _cells = new byte[Core.Encoding.PianoRollEncoding.CellsPerClip];
    private readonly RandomSource _random = new(0);

    public int Count => clips.Count;

    /// <summary>Fills <paramref name="facade"/> ([batch, 2, 128, 128]) and <paramref name="roll"/> ([batch, 128, 128]) with the step's crops.</summary>
    public void Fill(long step, int batch, float[] facade, float[] roll)
    {
        _random.Reseed(seed * 0x9E3779B97F4A7C15UL ^ (ulong)step);
        for (var b = 0; b < batch; b++)
            Crop(_random.NextInt(clips.Count), unchecked(seed * 0xD1B54A32D192ED03UL ^ ((ulong)step << 16) ^ (ulong)b), facade, roll, b);
    }

    /// <summary>Crop <paramref name="index"/> into slot <paramref name="slot"/>, its facade made from <paramref name="facadeSeed"/>.</summary>
    public void Crop(int index, ulong facadeSeed, float[] facade, float[] roll, int slot)
    {
        const int cells = Pix2PixGrid.CellsPerRoll;
        clips.Read(index, _cells);
        var target = roll.AsSpan(slot * cells, cells);
        Pix2PixGrid.FromCacheClip(_cells, target);
        facades.Make(target, facade.AsSpan(slot * Pix2PixGrid.InputChannels * cells, Pix2PixGrid.InputChannels * cells), facadeSeed);
    }
}
