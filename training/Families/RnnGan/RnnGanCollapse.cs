using Euterpe.Core.Encoding;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// How far the generator has collapsed (the source reports a single chord): over <see cref="Samples"/> sequences it
/// writes from seeded noise (each token drawn from its distribution at temperature 1), the mean number of distinct
/// tokens and of distinct pitches (rests not counted) per sequence, and the share of all tokens taken by the most
/// common one. The same figures of real windows say what the data's are.
/// </summary>
public sealed record RnnGanCollapse(double DistinctTokens, double DistinctPitches, double TopTokenShare)
{
    public const int Samples = 32;

    public static RnnGanCollapse Of(IReadOnlyList<int[]> sequences, MonophonicNoteEncoding encoding)
    {
        var counts = new Dictionary<int, int>();
        long total = 0;
        foreach (var s in sequences)
            foreach (var t in s)
            {
                counts[t] = counts.GetValueOrDefault(t) + 1;
                total++;
            }
        return new RnnGanCollapse(
            sequences.Average(s => (double)s.Distinct().Count()),
            sequences.Average(s => (double)s.Select(t => encoding.FromJoint(t).PitchToken).Where(p => p != encoding.RestPitchToken).Distinct().Count()),
            total == 0 ? 0 : counts.Values.Max() / (double)total);
    }

    /// <summary><see cref="Samples"/> sequences of <paramref name="length"/> tokens written by the generator from noise drawn from <paramref name="seed"/>.</summary>
    public static List<int[]> Sample(RnnGanGenerator generator, int length, ulong seed)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var training = generator.training;
        generator.eval();
        var device = generator.output.weight.device;
        using var random = new torch.Generator(seed);
        var z = torch.randn(new long[] { Samples, length, generator.Noise }, generator: random).to(device);
        var distributions = generator.Free(z).reshape(Samples * length, generator.Vocabulary).cpu();
        var tokens = torch.multinomial(distributions, 1, generator: random).reshape(Samples * length).to_type(ScalarType.Int32).data<int>().ToArray();
        if (training) generator.train();
        return [.. Enumerable.Range(0, Samples).Select(i => tokens[(i * length)..((i + 1) * length)])];
    }
}
