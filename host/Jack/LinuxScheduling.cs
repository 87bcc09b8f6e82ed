using System.Runtime.InteropServices;

namespace Euterpe.Host.Jack;

/// <summary>The libc calls the player uses to see how its real-time thread is scheduled and to lock memory.</summary>
internal static partial class LinuxScheduling
{
    private const int McLockCurrent = 1;

    [LibraryImport("libc", EntryPoint = "sched_getscheduler")]
    private static partial int GetScheduler(int pid);

    [LibraryImport("libc", EntryPoint = "mlockall")]
    private static partial int MLockAll(int flags);

    /// <summary>The calling thread's policy: 0 SCHED_OTHER, 1 SCHED_FIFO, 2 SCHED_RR (pid 0 = this thread on Linux).</summary>
    public static int CurrentPolicy() => GetScheduler(0);

    public static string PolicyName(int policy) => policy switch
    {
        0 => "SCHED_OTHER",
        1 => "SCHED_FIFO",
        2 => "SCHED_RR",
        3 => "SCHED_BATCH",
        5 => "SCHED_IDLE",
        < 0 => "unknown",
        _ => $"policy {policy}",
    };

    /// <summary>Locks the pages mapped now (not future ones: the GC reserves large ranges). False when the memlock limit forbids it.</summary>
    public static bool LockCurrentMemory()
    {
        try
        {
            return MLockAll(McLockCurrent) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }
}
