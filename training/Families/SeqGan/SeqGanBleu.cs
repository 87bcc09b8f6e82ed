using Euterpe.Core.Evaluation;
using Euterpe.Core.Families.SeqGan;
using TorchSharp;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// The source's figure for SeqGAN: BLEU (up to 4-grams, <see cref="Bleu"/>) of <see cref="Samples"/> generated sequences
/// of the window length against the training windows (at most <see cref="MaxReferences"/>, spread over all), over
/// pitch tokens (a rest is one), so both duration schemes are measured alike. A sample is the generator writing from
/// the start symbol, each token drawn at temperature 1; the draws come from a fixed seed.
/// </summary>
public sealed class SeqGanBleu
{
    public const int Samples = 50;
    public const int MaxReferences = 20_000;

    private readonly BleuReferences _references;
    private readonly string _scheme;

    public SeqGanBleu(SeqGanCorpus train, string scheme)
    {
        _scheme = scheme;
        _references = new BleuReferences([.. train.Spread(MaxReferences).Select(Pitches)]);
    }

    /// <summary>BLEU of the generator's samples now (NaN without references).</summary>
    public double Measure(SeqGanGenerator generator, int length, ulong seed)
    {
        using var scope = torch.NewDisposeScope();
        var training = generator.training;
        generator.eval();
        torch.manual_seed(unchecked((long)seed));
        var drawn = generator.Sample(Samples, length, generator.output.weight.device).cpu().data<long>().ToArray();
        if (training) generator.train();
        var samples = Enumerable.Range(0, Samples).Select(i => Pitches([.. drawn[(i * length)..((i + 1) * length)].Select(t => (int)t)])).ToList();
        return _references.Score(samples);
    }

    private int[] Pitches(int[] tokens) => _scheme == SeqGanTokens.Vocabulary ? [.. tokens.Select(SeqGanTokens.Pitch)] : tokens;
}
