namespace Euterpe.Plugin.Generation;

/// <summary>
/// Hands <see cref="GenerationControls"/> to the worker without locks or allocation: a sequence lock. A writer makes
/// the version odd (compare-and-swap, so a second writer cannot interleave), copies the snapshot in and makes the
/// version even again; the reader copies the snapshot between two reads of the same even version, else reads again.
/// Writers are the audio thread (parameter changes in process) and the host's thread for setState. The audio
/// thread never waits: <see cref="TryPublish"/> gives up while another writer is mid-copy, and the caller publishes
/// again at its next chance.
/// </summary>
public sealed class GenerationControlsExchange
{
    private GenerationControls _controls;
    private int _version;

    /// <summary>Publishes <paramref name="controls"/> unless another writer is publishing at this moment (then false, nothing written).</summary>
    public bool TryPublish(in GenerationControls controls)
    {
        var version = Volatile.Read(ref _version);
        if ((version & 1) != 0 || Interlocked.CompareExchange(ref _version, version + 1, version) != version) return false;
        // The compare-and-swap is a full fence: the copy cannot start before the version reads odd.
        _controls = controls;
        Volatile.Write(ref _version, version + 2);
        return true;
    }

    /// <summary>For writers off the audio thread: spins until published (another writer holds the version for one copy).</summary>
    public void Publish(in GenerationControls controls)
    {
        var spinner = new SpinWait();
        while (!TryPublish(controls)) spinner.SpinOnce();
    }

    /// <summary>The latest snapshot, whole: never fields of two publishes.</summary>
    public GenerationControls Read()
    {
        var spinner = new SpinWait();
        while (true)
        {
            var before = Volatile.Read(ref _version);
            if ((before & 1) == 0)
            {
                var copy = _controls;
                // The copy's reads must finish before the version is read again.
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _version) == before) return copy;
            }
            spinner.SpinOnce();
        }
    }
}
