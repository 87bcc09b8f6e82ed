namespace Euterpe.Training.Tests.Torch;

/// <summary>Tests that read the process-wide live-tensor count run alone, so other tests' tensors do not move it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveTensorCountCollection
{
    public const string Name = "live tensor count";
}
