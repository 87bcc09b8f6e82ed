using System.Text;

namespace Euterpe.Vst3;

/// <summary>Writes and reads the fixed-size, zero-terminated strings of VST3 structs (char8 = UTF-8, char16 = UTF-16).</summary>
public static unsafe class Vst3Strings
{
    public static void WriteUtf8(string text, byte* destination, int capacity)
    {
        var span = new Span<byte>(destination, capacity);
        span.Clear();
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        bytes.AsSpan(0, Math.Min(bytes.Length, capacity - 1)).CopyTo(span);
    }

    public static void WriteUtf16(string text, char* destination, int capacity)
    {
        var span = new Span<char>(destination, capacity);
        span.Clear();
        text.AsSpan(0, Math.Min(text.Length, capacity - 1)).CopyTo(span);
    }

    public static string ReadUtf16(char* source, int capacity)
    {
        if (source == null) return "";
        var span = new ReadOnlySpan<char>(source, capacity);
        var end = span.IndexOf('\0');
        return new string(end < 0 ? span : span[..end]);
    }

    public static string ReadUtf8(byte* source, int capacity)
    {
        var span = new ReadOnlySpan<byte>(source, capacity);
        var end = span.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }
}
