namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// One point of a seq-ae run's curves: the mean training losses since the last point (the total, both reconstructions,
/// continuity and quantisation, unweighted) and the held-out measures then (<see cref="SeqAeMeasures"/>; null when nothing is held out).
/// </summary>
public sealed record SeqAePoint(long Step, double Loss, double Reconstruction, double BinaryReconstruction, double Continuity, double Quantisation,
    SeqAeMeasures? HeldOut);
