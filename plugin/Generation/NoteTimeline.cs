namespace Euterpe.Plugin.Generation;

/// <summary>
/// The latest note events the worker generated or heard played in, for the editor's piano roll: a fixed ring with one
/// writer (the generator worker) and any number of readers (the UI thread), all lock-free. Each slot carries a version
/// (odd while its note is being written, 2 × index + 2 once written), so a reader keeps only notes it copied whole and
/// skips one the writer lapped meanwhile. Writing allocates nothing; the audio thread never touches it.
/// </summary>
public sealed class NoteTimeline
{
    public const int Capacity = 4096;

    private readonly TimelineNote[] _notes = new TimelineNote[Capacity];
    private readonly long[] _versions = new long[Capacity];
    private long _written;

    /// <summary>How many notes were ever added.</summary>
    public long Written => Volatile.Read(ref _written);

    /// <summary>Writer (the worker thread only).</summary>
    public void Add(in TimelineNote note)
    {
        var index = _written;
        var slot = (int)(index & (Capacity - 1));
        Volatile.Write(ref _versions[slot], 2 * index + 1);
        Interlocked.MemoryBarrier();
        _notes[slot] = note;
        Volatile.Write(ref _versions[slot], 2 * index + 2);
        Volatile.Write(ref _written, index + 1);
    }

    /// <summary>Copies the newest notes, oldest first, into <paramref name="into"/>; returns how many it copied.</summary>
    public int CopyLatest(Span<TimelineNote> into)
    {
        var end = Written;
        var start = Math.Max(0, end - Math.Min(Capacity, into.Length));
        var count = 0;
        for (var index = start; index < end; index++)
        {
            var slot = (int)(index & (Capacity - 1));
            var before = Volatile.Read(ref _versions[slot]);
            if (before != 2 * index + 2) continue; // lapped, or still being written
            var note = _notes[slot];
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _versions[slot]) != before) continue;
            into[count++] = note;
        }
        return count;
    }
}
