namespace Euterpe.Plugin.Tests.Hosting;

/// <summary>
/// Starts a measured window for "no GC ran": collects first, so a gen-0 collection inside the window means the window
/// allocated, not that earlier allocations (the test runner, other tests' finalizers) had used up the gen-0 budget.
/// CI once saw one collection in ten minutes while the processing thread and the worker both allocated 0 bytes;
/// the rest of the process allocated 35–190 KB during such a window here.
/// </summary>
internal static class GcWindow
{
    /// <summary>Collects, then returns the gen-0 count to compare with at the end of the window.</summary>
    public static int Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.CollectionCount(0);
    }
}
