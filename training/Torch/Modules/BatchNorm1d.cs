namespace Euterpe.Training.Torch.Modules;

/// <summary>Batch normalisation over [N, C] or [N, C, L].</summary>
public sealed class BatchNorm1d(long numFeatures, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool trackRunningStats = true)
    : BatchNorm(nameof(BatchNorm1d), numFeatures, eps, momentum, affine, trackRunningStats, [2, 3]);
