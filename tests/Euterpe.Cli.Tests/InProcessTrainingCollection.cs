namespace Euterpe.Cli.Tests;

/// <summary>
/// Test classes that run `train` in this process: one at a time, since libtorch's random generator (torch.manual_seed)
/// and thread count are process-wide and two runs side by side would draw from each other's streams (a resumed run
/// then differs from an uninterrupted one, a 60-step model from the same one trained alone).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessTrainingCollection
{
    public const string Name = "in-process training";
}
