namespace Euterpe.Training.Tests.Runs;

/// <summary>
/// Tests that compare two runs started from torch.manual_seed: they run alone, so no test in parallel draws from
/// libtorch's global generator between the seed and the weight initialisation.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTrainingCollection
{
    public const string Name = "seeded training";
}
