namespace Euterpe.Training.Families.AbcWgan;

/// <summary>
/// One point of an abc-wgan run's curves, means over the generator steps since the last point: the critic's loss
/// (−W + λ·GP), the generator's (−critic score of its text), the critic's Wasserstein estimate on the training
/// batches and, when there is held-out data, on validation windows; the sequence length trained then.
/// </summary>
public sealed record AbcWganPoint(long Step, int Length, double CriticLoss, double GeneratorLoss, double Wasserstein, double? ValidationWasserstein);
