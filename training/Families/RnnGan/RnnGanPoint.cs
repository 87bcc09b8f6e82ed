namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// One point of an rnn-gan run's curves: the discriminator's and the generator's mean losses since the last point, the
/// discriminator's mean probabilities that real and generated windows are real, and the collapse measures of the
/// generator's samples then (<see cref="RnnGanCollapse"/>).
/// </summary>
public sealed record RnnGanPoint(long Step, double DiscriminatorLoss, double GeneratorLoss, double RealProbability, double FakeProbability,
    double DistinctTokens, double DistinctPitches, double TopTokenShare);
