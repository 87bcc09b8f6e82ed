using Euterpe.Core.Text;

namespace Euterpe.Core.IO;

/// <summary>
/// The one way Euterpe's readers open a user's file: only a regular file (a directory, device, FIFO or socket is
/// refused before it is opened, since reading one can block or never end), never more bytes than the caller's limit
/// (checked on the size the file reports, and again while reading, as /proc files report 0), and every failure one
/// <see cref="EuterpeException"/> <c>FILE: problem</c>.
/// </summary>
public static class InputFile
{
    /// <summary>A manifest.json is a few kilobytes; anything past this is not one.</summary>
    public const long MaxManifestBytes = 16L << 20;

    /// <summary>A single ONNX protobuf cannot exceed 2 GiB.</summary>
    public const long MaxModelBytes = 2L << 30;

    /// <summary>
    /// Checks that <paramref name="path"/> is a regular file of at most <paramref name="maxBytes"/> and returns its
    /// size; <paramref name="what"/> names what it should be ("manifest", "ONNX model") in the error.
    /// </summary>
    public static long Check(string path, long maxBytes, string what)
    {
        FileStatus status;
        try
        {
            status = FileStatus.Of(path);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            status = new FileStatus(FileKind.Missing, 0, 0, 0);
        }
        if (status.Kind == FileKind.Missing)
        {
            if (path.Length == 0 || path.Contains('\0') || path.Length > 4096) throw new EuterpeException($"{UserText.Quote(path)}: not a valid file path");
            throw new EuterpeException($"{path}: file not found");
        }
        if (NotRegular(status.Kind) is { } other) throw new EuterpeException($"{path}: is {other}, not a regular file");
        if (status.Size > maxBytes) throw new EuterpeException($"{path}: {status.Size} bytes is too large for a {what} (at most {maxBytes})");
        return status.Size;
    }

    private static string? NotRegular(FileKind kind) => kind switch
    {
        FileKind.Regular => null,
        FileKind.Directory => "a directory",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO",
        FileKind.Socket => "a socket",
        _ => "an unknown kind of file",
    };

    /// <summary>Opens a checked file for reading; the caller reads no more than it needs.</summary>
    public static FileStream OpenRead(string path, long maxBytes, string what)
    {
        Check(path, maxBytes, what);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(path, e);
        }
    }

    /// <summary>The whole of a checked file, at most <paramref name="maxBytes"/> (and at most an array's length).</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what)
    {
        var limit = Math.Min(maxBytes, Array.MaxLength);
        using var stream = OpenRead(path, limit, what);
        try
        {
            var expected = (int)Math.Min(stream.Length, limit);
            var buffer = new byte[expected];
            var total = stream.ReadAtLeast(buffer, expected, throwOnEndOfStream: false);
            if (total < expected) return buffer[..total];
            // The size may have been wrong (a /proc file says 0) or the file may have grown: read on, up to the limit.
            var chunk = new byte[81920];
            using var rest = new MemoryStream();
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                if ((long)total + rest.Length + n > limit) throw new EuterpeException($"{path}: more than {limit} bytes is too large for a {what}");
                rest.Write(chunk, 0, n);
            }
            return rest.Length == 0 ? buffer : [.. buffer, .. rest.ToArray()];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(path, e);
        }
    }

    /// <summary>The text of a checked file (UTF-8 unless a byte-order mark says otherwise).</summary>
    public static string ReadAllText(string path, long maxBytes, string what)
    {
        var bytes = ReadAllBytes(path, maxBytes, what);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The one line for a read that failed part-way (EIO from /proc/self/mem, a vanished disk).</summary>
    public static EuterpeException CannotRead(string path, Exception e) =>
        new($"{path}: cannot read: {UserText.OneLine(e.Message, 200)}", inner: e);
}
