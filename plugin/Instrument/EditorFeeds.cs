using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// The components of this process by number, so that a controller's editor can read what its component publishes
/// (notes, playhead, status, headroom) without a copy through messages: the component registers its
/// <see cref="GenerationLink"/>, the status reply carries the number, the editor looks it up. Only the host's main
/// thread registers and looks up (the audio thread never comes here), so a lock is fine.
/// </summary>
public static class EditorFeeds
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<long, GenerationLink> Links = [];
    private static long _next;

    public static long Register(GenerationLink link)
    {
        lock (Gate)
        {
            var id = ++_next;
            Links[id] = link;
            return id;
        }
    }

    public static void Unregister(long id)
    {
        lock (Gate) Links.Remove(id);
    }

    public static GenerationLink? Find(long id)
    {
        lock (Gate) return Links.GetValueOrDefault(id);
    }
}
