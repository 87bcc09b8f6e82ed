using Euterpe.Core;

namespace Euterpe.Cli.Commands;

/// <summary>Writing a command's output file, with a failure reported as one line naming the file.</summary>
internal static class OutputFile
{
    /// <summary>Runs <paramref name="write"/> (an atomic writer: on failure the old file, if any, is left as it was).</summary>
    public static void Write(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EuterpeException($"{path}: cannot write ({e.Message})", inner: e);
        }
    }
}
