namespace Euterpe.Plugin.Tests.Hosting;

/// <summary>
/// GC.CollectionCount is process-wide, so the allocation tests run alone: no other test may
/// allocate (and trigger a collection) while they measure.
/// </summary>
[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationTestsCollection;
