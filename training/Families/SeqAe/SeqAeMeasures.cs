using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// A seq-ae's figures on whole melodies (the held-out songs), each cut into consecutive subsequences of the run's
/// length from its start: the reconstruction losses of both decoders (mean cross-entropy per token, nats; f_dec from
/// c', f_dec^bin from sign(c')), and the mean Hamming distance between the binary codes of consecutive subsequences
/// of a song: the bits a walk through the code space flips per step to sound like the data.
/// </summary>
public sealed record SeqAeMeasures(double Reconstruction, double BinaryReconstruction, double MeanHamming, long Subsequences)
{
    public static SeqAeMeasures? Measure(SeqAeModel model, IReadOnlyList<int[]> melodies, Device device)
    {
        var length = model.Config.Length;
        var cut = melodies.Where(m => m.Length >= 2 * length).ToList();
        if (cut.Count == 0) return null;
        using var noGrad = torch.no_grad();
        var training = model.training;
        model.eval();
        try
        {
            double reconstruction = 0, binary = 0, hamming = 0;
            long subsequences = 0, pairs = 0;
            foreach (var melody in cut)
            {
                using var scope = torch.NewDisposeScope();
                var n = melody.Length / length;
                var flat = new long[n * length];
                for (var i = 0; i < flat.Length; i++) flat[i] = melody[i];
                var tokens = torch.tensor(flat, new long[] { n, length }).to(device);
                var code = model.encoder.forward(tokens);
                var sign = torch.sign(code);
                var targets = tokens.reshape(-1);
                var v = model.Config.Vocabulary;
                reconstruction += nn.functional.cross_entropy(model.decoder.forward(code, tokens).reshape(-1, v), targets, reduction: nn.Reduction.Sum).item<float>();
                binary += nn.functional.cross_entropy(model.binary_decoder.forward(sign, tokens).reshape(-1, v), targets, reduction: nn.Reduction.Sum).item<float>();
                hamming += sign.narrow(0, 0, n - 1).ne(sign.narrow(0, 1, n - 1)).sum().item<long>();
                subsequences += n;
                pairs += n - 1;
            }
            return new SeqAeMeasures(reconstruction / (subsequences * length), binary / (subsequences * length), hamming / pairs, subsequences);
        }
        finally
        {
            model.train(training);
        }
    }
}
