namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// One point of a seqgan run's curves, means since the last point: the phase it ended in ("pretrain-generator",
/// "pretrain-discriminator", "adversarial"), the generator's negative log-likelihood of the training batches (nats per
/// token), the discriminator's loss and its probabilities of "real" for real and generated sequences (null without
/// discriminator steps), the policy-gradient loss and mean reward (null before the adversarial phase); then measured
/// at the point: the held-out NLL (null without held-out melodies) and the BLEU of the generator's samples.
/// </summary>
public sealed record SeqGanPoint(long Step, string Phase, double GeneratorNll, double? DiscriminatorLoss, double? RealProbability, double? FakeProbability,
    double? PolicyLoss, double? Reward, double? ValidationNll, double? Bleu);
