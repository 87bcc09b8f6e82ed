namespace Euterpe.Training.Runs;

/// <summary>One point of a loss curve: the step, the mean training loss since the last point and, when measured, the validation loss (nats/token).</summary>
public sealed record LossPoint(long Step, double TrainLoss, double? ValidationLoss);
