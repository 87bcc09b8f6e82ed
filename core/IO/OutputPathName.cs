using Euterpe.Core.Text;

namespace Euterpe.Core.IO;

/// <summary>
/// Refuses, before any work, an output path no file or folder can have: empty, with a NUL, longer than Linux's
/// PATH_MAX (4095 bytes) or with a name longer than NAME_MAX (255 bytes). Left to the system, these fail late with
/// .NET's message quoting the whole path (hundreds of characters), or as an ArgumentException; here the path is quoted
/// with <see cref="UserText.Quote"/>, so the line stays short.
/// </summary>
public static class OutputPathName
{
    /// <summary>Linux's PATH_MAX less the terminating NUL.</summary>
    public const int MaxPathBytes = 4095;

    /// <summary>Linux's NAME_MAX: the longest name of one file or folder.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>Throws a one-line <see cref="EuterpeException"/> when <paramref name="path"/> cannot name an output.</summary>
    public static void Check(string path)
    {
        if (path.Length == 0 || path.Contains('\0')) throw new EuterpeException($"{UserText.Quote(path)}: is not a file name");
        if (System.Text.Encoding.UTF8.GetByteCount(path) > MaxPathBytes)
            throw new EuterpeException($"{UserText.Quote(path)}: path is longer than {MaxPathBytes} bytes");
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(parts[i]) <= MaxNameBytes) continue;
            var what = i == parts.Length - 1 ? "file name" : "folder name";
            throw new EuterpeException($"{UserText.Quote(path)}: {what} is longer than {MaxNameBytes} bytes");
        }
    }
}
