using Euterpe.Core.Families.Refine;
using Euterpe.Core.Generation;

namespace Euterpe.Training.Families.Refine;

/// <summary>
/// What a refine net learns from a part: its inputs note by note (the duration net's from the part with its timing
/// stretched by <see cref="TimingStretch"/>, the velocity net's from the part as it is) and the targets (the true
/// lengths and gaps, or velocities). Batches are windows of notes drawn from the seed and the step alone (parts chosen in
/// proportion to their notes), so a resumed run draws what an uninterrupted one would; a part shorter than the window
/// fills the rest with masked-out padding.
/// </summary>
public sealed class RefineExamples
{
    private readonly List<NotePart> _parts;
    private readonly long[] _cumulative;
    private readonly RefineRunConfig _config;

    public RefineExamples(List<NotePart> parts, RefineRunConfig config)
    {
        _parts = parts;
        _config = config;
        _cumulative = new long[parts.Count];
        long total = 0;
        for (var i = 0; i < parts.Count; i++) _cumulative[i] = total += parts[i].Count;
        Notes = total;
    }

    public long Notes { get; }

    public int Parts => _parts.Count;

    /// <summary>One part's inputs and targets, [notes × inputs] and [notes × outputs], its timing stretched from <paramref name="random"/>.</summary>
    public static (float[] Inputs, float[] Targets) Of(NotePart part, RefineNetKind kind, double stretch, RandomSource random)
    {
        var (f, o) = (kind.Inputs(), kind.Outputs());
        var inputs = new float[part.Count * f];
        var targets = new float[part.Count * o];
        if (kind == RefineNetKind.Duration)
        {
            var stretched = TimingStretch.Apply(part, stretch, random);
            for (var i = 0; i < part.Count; i++)
            {
                RefineFeatures.Duration(stretched, i, inputs.AsSpan(i * f, f));
                RefineFeatures.DurationTarget(part, i, targets.AsSpan(i * o, o));
            }
        }
        else
        {
            var mean = RefineFeatures.MeanPitch(part);
            for (var i = 0; i < part.Count; i++)
            {
                RefineFeatures.Velocity(part, i, mean, inputs.AsSpan(i * f, f));
                targets[i] = part.Velocities[i] / 127f;
            }
        }
        return (inputs, targets);
    }

    /// <summary>Fills a batch for <paramref name="step"/>: inputs [batch, length, inputs], targets [batch, length, outputs], mask [batch, length].</summary>
    public void Fill(long step, float[] inputs, float[] targets, float[] mask)
    {
        var (batch, length, kind) = (_config.Batch, _config.Length, _config.Kind);
        var (f, o) = (kind.Inputs(), kind.Outputs());
        Array.Clear(inputs);
        Array.Clear(targets);
        Array.Clear(mask);
        var random = new RandomSource(unchecked(_config.Seed * 0x9E3779B97F4A7C15UL + (ulong)step));
        for (var row = 0; row < batch; row++)
        {
            var pick = (long)(random.NextDouble() * Notes);
            var p = Array.BinarySearch(_cumulative, pick + 1);
            if (p < 0) p = ~p;
            var part = _parts[Math.Min(p, _parts.Count - 1)];
            var take = Math.Min(length, part.Count);
            var start = random.NextInt(part.Count - take + 1);
            var (x, y) = Of(part.Slice(start, take), kind, _config.Stretch, random);
            x.CopyTo(inputs.AsSpan(row * length * f));
            y.CopyTo(targets.AsSpan(row * length * o));
            mask.AsSpan(row * length, take).Fill(1);
        }
    }
}
