using Euterpe.Core;

namespace Euterpe.Cli.Commands;

/// <summary>A command's output files: checked against its inputs before any work, and written with one-line failures naming the file.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Refuses, before any work, an output that is a directory, one of the inputs or another output
    /// (<see cref="OutputTarget.CheckDistinct"/>). Null entries are options not given.
    /// </summary>
    public static void CheckDistinct(IEnumerable<string?> inputs, params string?[] outputs) => OutputTarget.CheckDistinct(inputs, outputs);

    /// <summary>The files a preset (or any folder) argument reads: the files directly in it, or the path itself when it is a file.</summary>
    public static IEnumerable<string> FilesOf(string? path)
    {
        if (path is null) return [];
        if (!Directory.Exists(path)) return [path];
        try
        {
            return Directory.EnumerateFiles(path).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // the command's own reading of the folder reports it
        }
    }

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
