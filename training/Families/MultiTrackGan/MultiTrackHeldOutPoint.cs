namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// The critic's scores at one point of a run, on fixed sets: the held-out clips (files never trained on), as many
/// training clips (the split's first ones) and as many clips of the generator in eval mode (its running batch-norm
/// statistics, as the exported preset plays) from fixed noise. A critic that learns the training clips by heart scores
/// them above the held-out ones; real minus generated is the critic's estimate of the Wasserstein distance.
/// </summary>
public sealed record MultiTrackHeldOutPoint(long Step, double HeldOutScore, double TrainScore, double GeneratedScore)
{
    /// <summary>Held-out clips minus generated ones: the distance as the critic sees it on music it never trained on.</summary>
    public double HeldOutWasserstein => HeldOutScore - GeneratedScore;

    /// <summary>Training clips minus generated ones.</summary>
    public double TrainWasserstein => TrainScore - GeneratedScore;
}
