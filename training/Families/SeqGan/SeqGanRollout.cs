using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// SeqGAN's rewards (Monte-Carlo search): the reward Q of token t of a generated sequence is, for t before the last,
/// the discriminator's mean probability of "real" over <c>rollouts</c> completions of the prefix up to t written by the
/// roll-out copy of the generator; for the last token, its probability of the sequence itself. The discriminator is
/// asked in eval mode (no dropout). No gradient.
/// </summary>
public static class SeqGanRollout
{
    /// <summary>Rewards [B, L] of the sequences <paramref name="samples"/> [B, L] (int64).</summary>
    public static Tensor Rewards(SeqGanModel model, Tensor samples, int rollouts)
    {
        using var noGrad = torch.no_grad();
        var (batch, length) = (samples.shape[0], (int)samples.shape[1]);
        var training = model.discriminator.training;
        model.discriminator.eval();
        var repeated = samples.repeat(rollouts, 1); // [N·B, L]: roll-out n of row b is row n·B + b
        var states = model.rollout.PrefixStates(samples); // read once, shared by the roll-outs
        var rewards = new Tensor[length];
        for (var t = 1; t < length; t++)
        {
            var prefix = repeated.narrow(1, 0, t);
            var (h, c) = states[t - 1];
            var completion = model.rollout.Continue(prefix.select(1, t - 1), (h.repeat(1, rollouts, 1), c.repeat(1, rollouts, 1)), length - t);
            var probability = torch.sigmoid(model.discriminator.Logits(torch.cat([prefix, completion], 1)));
            rewards[t - 1] = probability.reshape(rollouts, batch).mean(new long[] { 0 });
        }
        rewards[length - 1] = torch.sigmoid(model.discriminator.Logits(samples));
        if (training) model.discriminator.train();
        return torch.stack(rewards, 1);
    }
}
