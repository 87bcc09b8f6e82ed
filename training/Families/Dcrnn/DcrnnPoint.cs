namespace Euterpe.Training.Families.Dcrnn;

/// <summary>
/// One point of a dcrnn run's curves: the critic's mean loss (Wasserstein estimate and penalty) and the generator's
/// since the last point, the critic's mean scores of real and generated clips, and the share of cells above the
/// threshold in the last step's real and generated clips.
/// </summary>
public sealed record DcrnnPoint(long Step, double CriticLoss, double GeneratorLoss, double RealScore, double FakeScore, double RealOnShare, double FakeOnShare);
