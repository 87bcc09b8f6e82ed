using Euterpe.Core.Encoding;
using Euterpe.Core.Families.Dcrnn;
using Euterpe.Core.Generation;
using Euterpe.Training.Data;

namespace Euterpe.Training.Families.Dcrnn;

/// <summary>
/// Batches of real clips for a step, on the DCRNN's sixteenth grid: clips drawn with replacement by a generator seeded
/// from the run's seed and the step alone (so a resumed run sees what an uninterrupted one would), read one at a time
/// from the piano-roll cache; each sixteenth holds the loudest of its six cache steps as velocity / 127, and each
/// clip's pitch-class histogram (sounding sixteenth cells per pitch class, summing to 1) is its conditioning.
/// </summary>
public sealed class DcrnnBatches(PianoRollClips clips, ulong seed)
{
    public const int CellsPerClip = DcrnnGrid.Steps * PianoRollEncoding.Pitches;

    private readonly byte[] _cells = new byte[PianoRollEncoding.CellsPerClip];
    private readonly RandomSource _random = new(0);

    public int Count => clips.Count;

    /// <summary>Fills <paramref name="rolls"/> ([batch, 64, 128]) and <paramref name="histograms"/> ([batch, 12]) with the step's clips.</summary>
    public void Fill(long step, int batch, float[] rolls, float[] histograms)
    {
        _random.Reseed(seed * 0x9E3779B97F4A7C15UL ^ (ulong)step);
        for (var b = 0; b < batch; b++)
        {
            clips.Read(_random.NextInt(clips.Count), _cells);
            Downsample(_cells, rolls.AsSpan(b * CellsPerClip, CellsPerClip));
            Histogram(rolls.AsSpan(b * CellsPerClip, CellsPerClip), histograms.AsSpan(b * DcrnnGrid.PitchClasses, DcrnnGrid.PitchClasses));
        }
    }

    /// <summary>A cache clip (384 × 128 velocities) on the sixteenth grid: each cell the loudest of its six, / 127.</summary>
    public static void Downsample(ReadOnlySpan<byte> cells, Span<float> roll)
    {
        for (var s = 0; s < DcrnnGrid.Steps; s++)
        for (var p = 0; p < PianoRollEncoding.Pitches; p++)
        {
            var loudest = 0;
            for (var k = 0; k < DcrnnGrid.Upsample; k++) loudest = Math.Max(loudest, cells[(s * DcrnnGrid.Upsample + k) * PianoRollEncoding.Pitches + p]);
            roll[s * PianoRollEncoding.Pitches + p] = loudest / 127f;
        }
    }

    /// <summary>The share of sounding cells per pitch class (uniform for a silent roll).</summary>
    public static void Histogram(ReadOnlySpan<float> roll, Span<float> histogram)
    {
        histogram.Clear();
        var total = 0f;
        for (var i = 0; i < roll.Length; i++)
        {
            if (roll[i] <= 0) continue;
            histogram[i % PianoRollEncoding.Pitches % DcrnnGrid.PitchClasses]++;
            total++;
        }
        if (total == 0) DcrnnGrid.Uniform(histogram);
        else for (var c = 0; c < histogram.Length; c++) histogram[c] /= total;
    }
}
