namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// One point of a pix2pix run's curves: the discriminator's and the generator's mean losses since the last point (the
/// generator's adversarial + λ·L1), the mean L1 alone, and on the held-out crops the fill's cell precision, recall and
/// F1 and the whole roll's F1 with the fill and of the facade alone (<see cref="FillScore"/>); null without held-out crops.
/// </summary>
public sealed record Pix2PixPoint(long Step, double DiscriminatorLoss, double GeneratorLoss, double L1,
    double? FillPrecision, double? FillRecall, double? FillF1, double? FilledF1, double? FacadeF1);
