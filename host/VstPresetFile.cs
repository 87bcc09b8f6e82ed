using System.Buffers.Binary;
using System.Text;
using Euterpe.Core;

namespace Euterpe.Host;

/// <summary>
/// Steinberg's .vstpreset file (the SDK's vstpresetfile.h describes it): a 48-byte header — "VST3", int32 version 1,
/// the class ID as 32 ASCII hex digits, int64 offset of the chunk list — then the chunks' data, then the list: "List",
/// int32 count, and per chunk a four-letter id, int64 offset and int64 size, all little-endian. "Comp" holds the
/// component's state (IComponent::getState), "Cont" the controller's (IEditController::getState). Reading checks
/// every offset against the file's length and names the file in one line when something is wrong.
/// </summary>
public sealed record VstPresetFile(string ClassId, byte[] Component, byte[]? Controller)
{
    public const string Extension = ".vstpreset";
    public const int Version = 1;
    private const int HeaderSize = 48;
    private const int EntrySize = 20;
    private const int MaxChunks = 64;
    private static ReadOnlySpan<byte> HeaderId => "VST3"u8;
    private static ReadOnlySpan<byte> ListId => "List"u8;
    private static ReadOnlySpan<byte> ComponentId => "Comp"u8;
    private static ReadOnlySpan<byte> ControllerId => "Cont"u8;

    /// <summary>The file's bytes: header, Comp (and Cont when there is one) data, chunk list.</summary>
    public byte[] ToBytes()
    {
        if (ClassId.Length != 32 || !ClassId.All(char.IsAsciiHexDigit)) throw new ArgumentException($"class id {ClassId}: 32 hex digits expected");
        var chunks = Controller is null ? 1 : 2;
        var listOffset = HeaderSize + Component.Length + (Controller?.Length ?? 0);
        var bytes = new byte[listOffset + 8 + chunks * EntrySize];
        var span = bytes.AsSpan();
        HeaderId.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Version);
        Encoding.ASCII.GetBytes(ClassId, span[8..40]);
        BinaryPrimitives.WriteInt64LittleEndian(span[40..], listOffset);
        Component.CopyTo(span[HeaderSize..]);
        Controller?.CopyTo(span[(HeaderSize + Component.Length)..]);
        var list = span[listOffset..];
        ListId.CopyTo(list);
        BinaryPrimitives.WriteInt32LittleEndian(list[4..], chunks);
        WriteEntry(list[8..], ComponentId, HeaderSize, Component.Length);
        if (Controller is not null) WriteEntry(list[(8 + EntrySize)..], ControllerId, HeaderSize + Component.Length, Controller.Length);
        return bytes;
    }

    /// <summary>Writes the file through a temporary file renamed over <paramref name="path"/>.</summary>
    public void Write(string path) => AtomicFile.WriteAllBytes(path, ToBytes());

    public static VstPresetFile Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EuterpeException($"{path}: cannot read ({e.Message})", inner: e);
        }
        return Parse(bytes, path);
    }

    public static VstPresetFile Parse(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < HeaderSize || !bytes[..4].SequenceEqual(HeaderId))
            throw new EuterpeException($"{path}: not a VST3 preset (no 'VST3' header)");
        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (version < 1) throw new EuterpeException($"{path}: VST3 preset version {version}");
        var classId = Encoding.ASCII.GetString(bytes[8..40]);
        if (!classId.All(char.IsAsciiHexDigit)) throw new EuterpeException($"{path}: the class id is not 32 hex digits");
        var listOffset = BinaryPrimitives.ReadInt64LittleEndian(bytes[40..]);
        if (listOffset < HeaderSize || listOffset > bytes.Length - 8 || !bytes.Slice((int)listOffset, 4).SequenceEqual(ListId))
            throw new EuterpeException($"{path}: the chunk list is not where the header says ({listOffset})");
        var list = bytes[(int)listOffset..];
        var count = BinaryPrimitives.ReadInt32LittleEndian(list[4..]);
        if (count < 0 || count > MaxChunks || 8L + (long)count * EntrySize > list.Length)
            throw new EuterpeException($"{path}: the chunk list says {count} chunks; the file is cut short");
        byte[]? component = null, controller = null;
        for (var i = 0; i < count; i++)
        {
            var entry = list.Slice(8 + i * EntrySize, EntrySize);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(entry[4..]);
            var size = BinaryPrimitives.ReadInt64LittleEndian(entry[12..]);
            if (offset < HeaderSize || size < 0 || offset + size > listOffset)
                throw new EuterpeException($"{path}: chunk '{Encoding.ASCII.GetString(entry[..4])}' lies outside the data area");
            var data = bytes.Slice((int)offset, (int)size).ToArray();
            if (entry[..4].SequenceEqual(ComponentId)) component = data;
            else if (entry[..4].SequenceEqual(ControllerId)) controller = data;
        }
        if (component is null) throw new EuterpeException($"{path}: no component state ('Comp' chunk)");
        return new VstPresetFile(classId, component, controller);
    }

    private static void WriteEntry(Span<byte> entry, ReadOnlySpan<byte> id, long offset, long size)
    {
        id.CopyTo(entry);
        BinaryPrimitives.WriteInt64LittleEndian(entry[4..], offset);
        BinaryPrimitives.WriteInt64LittleEndian(entry[12..], size);
    }
}
