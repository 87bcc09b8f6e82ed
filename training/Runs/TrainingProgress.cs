namespace Euterpe.Training.Runs;

/// <summary>A progress report of a training run (after every step; the CLI decides how often to print).</summary>
public sealed record TrainingProgress(long Step, long TotalSteps, double Loss, double? ValidationLoss, double StepsPerSecond, TimeSpan Eta, bool Checkpointed);
