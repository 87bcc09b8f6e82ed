using Euterpe.Core.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>
/// The source's figure for the ABC WGAN: character-level BLEU (up to 4-grams, <see cref="Bleu"/>) of
/// <see cref="Samples"/> generated sequences of the full length against the training windows. A sample is the
/// generator writing on its own from fresh noise, each character drawn from its distribution at that step (temperature
/// 1, no grammar mask: the model's own text); the draws depend only on the seed.
/// </summary>
public static class AbcWganBleu
{
    public const int Samples = 50;

    /// <summary>Every training window of <paramref name="length"/> characters (the references) at most.</summary>
    public const int MaxReferences = 20_000;

    public static (double Score, List<int[]> Samples) Measure(AbcWganGenerator generator, AbcWindows train, int length, ulong seed)
    {
        var samples = Sample(generator, Samples, length, seed);
        var references = train.Spread(MaxReferences, length);
        return (Bleu.Compute(samples, references), samples);
    }

    /// <summary><paramref name="count"/> sequences of <paramref name="length"/> character tokens written by the generator from seeded noise.</summary>
    public static List<int[]> Sample(AbcWganGenerator generator, int count, int length, ulong seed)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var training = generator.training;
        generator.eval();
        var device = generator.output.weight.device;
        using var random = new torch.Generator(unchecked((ulong)seed));
        var z = torch.randn(new long[] { count, generator.Hidden }, generator: random).to(device);
        var distributions = generator.Free(z, length).reshape(count * length, generator.Vocabulary).cpu();
        var drawn = torch.multinomial(distributions, 1, generator: random).reshape(count, length).to_type(ScalarType.Int32);
        var tokens = drawn.data<int>().ToArray();
        if (training) generator.train();
        return [.. Enumerable.Range(0, count).Select(i => tokens[(i * length)..((i + 1) * length)])];
    }
}
