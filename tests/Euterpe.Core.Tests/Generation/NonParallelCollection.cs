namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// Tests that watch process-wide counters (GC collections) run alone, after the parallel ones: another test allocating
/// at the same time could trigger a collection that is not theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NonParallelCollection
{
    public const string Name = "Generators: alone";
}
