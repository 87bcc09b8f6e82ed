namespace Euterpe.Core.Runtime;

/// <summary>
/// Counts who still uses a native object: its owner and every <see cref="BoundRun"/> bound to it. The object is
/// released when the last of them lets go, so a bound run keeps working after its session or tensors are disposed.
/// </summary>
internal sealed class SharedLifetime
{
    private readonly Action _release;
    private int _users = 1; // the owner
    private int _ownerDone;

    public SharedLifetime(Action release) => _release = release;

    public bool IsReleased => Volatile.Read(ref _users) == 0;

    /// <summary>Takes one more use; false once the object is gone.</summary>
    public bool TryAcquire()
    {
        var users = Volatile.Read(ref _users);
        while (users > 0)
        {
            var seen = Interlocked.CompareExchange(ref _users, users + 1, users);
            if (seen == users) return true;
            users = seen;
        }
        return false;
    }

    /// <summary>Gives back one use taken with <see cref="TryAcquire"/>.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _users) == 0) _release();
    }

    /// <summary>The owner's dispose: gives back the owner's use, once however often it is called.</summary>
    public void ReleaseOwner()
    {
        if (Interlocked.Exchange(ref _ownerDone, 1) == 0) Release();
    }
}
