namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>
/// One point of a dcgan run's curves: the discriminator's and the generator's mean losses since the last point, the
/// discriminator's mean probabilities that real and generated rolls are real, and the share of cells above the
/// threshold in the real and generated rolls of the last step.
/// </summary>
public sealed record DcganPoint(long Step, double DiscriminatorLoss, double GeneratorLoss, double RealProbability, double FakeProbability,
    double RealOnShare, double FakeOnShare);
