using Euterpe.Vst3;

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// How the controller learns the one-line generation status it shows as the Status value string: it sends the
/// component a request (IConnectionPoint::notify) on the thread the host asks it for that string on, which is the
/// UI thread, never the audio thread; the component answers at once with a reply carrying the text. Both travel
/// through whatever connection the host made (directly, or through its proxies, as Ardour and Steinberg's
/// validator do), in IMessages the host creates (IHostApplication::createInstance). The reply also names the
/// component's <see cref="EditorFeeds"/> entry, through which the controller's editor reads what the component publishes.
/// </summary>
public static class StatusMessage
{
    /// <summary>Longest status text a reply carries (a problem names a file; more than one line's worth is cut).</summary>
    public const int MaxTextChars = 1024;

    private static ReadOnlySpan<byte> RequestId => "Euterpe.StatusRequest"u8;
    private static ReadOnlySpan<byte> ReplyId => "Euterpe.Status"u8;
    private static ReadOnlySpan<byte> TextKey => "text"u8;
    private static ReadOnlySpan<byte> FeedKey => "feed"u8;

    /// <summary>Controller: asks the component behind <paramref name="peer"/> for its status. False when it could not be sent.</summary>
    public static bool SendRequest(nint context, nint peer) => Send(context, peer, RequestId, null, 0);

    /// <summary>Component: answers a request with <paramref name="text"/> and its feed id. False when it could not be sent.</summary>
    public static bool SendReply(nint context, nint peer, string text, long feed) => Send(context, peer, ReplyId, text, feed);

    public static bool IsRequest(nint message) => MessageCalls.HasId(message, RequestId);

    /// <summary>The text of a status reply; false for any other message.</summary>
    public static bool TryReadReply(nint message, out string text, out long feed)
    {
        text = "";
        feed = 0;
        if (!MessageCalls.HasId(message, ReplyId)) return false;
        var attributes = MessageCalls.Attributes(message);
        if (attributes == 0 || AttributeListCalls.GetString(attributes, TextKey, MaxTextChars) is not { } read) return false;
        text = read;
        feed = AttributeListCalls.GetInt(attributes, FeedKey) ?? 0;
        return true;
    }

    private static bool Send(nint context, nint peer, ReadOnlySpan<byte> id, string? text, long feed)
    {
        if (peer == 0) return false;
        var message = HostApplicationCalls.CreateMessage(context);
        if (message == 0) return false;
        try
        {
            MessageCalls.SetId(message, id);
            var attributes = MessageCalls.Attributes(message);
            if (text is not null && (attributes == 0 || AttributeListCalls.SetString(attributes, TextKey, text) != Vst3Result.Ok)) return false;
            if (feed != 0 && AttributeListCalls.SetInt(attributes, FeedKey, feed) != Vst3Result.Ok) return false;
            return ConnectionPointCalls.Notify(peer, message) == Vst3Result.Ok;
        }
        finally
        {
            ComPointer.Release(message);
        }
    }
}
