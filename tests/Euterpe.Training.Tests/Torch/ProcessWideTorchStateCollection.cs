namespace Euterpe.Training.Tests.Torch;

/// <summary>Tests that read or change libtorch's process-wide state (live tensors, threads) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTorchStateCollection
{
    public const string Name = "process-wide torch state";
}
