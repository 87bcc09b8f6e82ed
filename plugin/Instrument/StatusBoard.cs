using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// Lets an edit controller show its component's generation status (the "Status" value string). Component and
/// controller live in one process; the controller finds its component by the connection-point pointer the
/// host connected it to, else takes the most recently created one (hosts that connect through proxies).
/// </summary>
public static class StatusBoard
{
    private const int ConnectionPointSlot = 3;
    private static readonly Lock Gate = new();
    private static readonly List<Euterpe> Live = [];

    public static void Register(Euterpe component)
    {
        lock (Gate) Live.Add(component);
    }

    public static void Unregister(Euterpe component)
    {
        lock (Gate) Live.Remove(component);
    }

    /// <summary>The link of the component behind <paramref name="peer"/>, else of the newest live component, else null.</summary>
    public static GenerationLink? Find(nint peer)
    {
        lock (Gate)
        {
            foreach (var component in Live)
                if (peer != 0 && component.InterfacePointer(ConnectionPointSlot) == peer) return component.Generation;
            return Live.Count > 0 ? Live[^1].Generation : null;
        }
    }
}
