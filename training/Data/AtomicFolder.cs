using Euterpe.Core;

namespace Euterpe.Training.Data;

/// <summary>
/// Writes a whole folder at once: everything goes to a temporary folder beside the target, which is renamed into place
/// only when complete, so an interruption leaves no half-written folder and the old one stays until the swap; the next write into the
/// same parent removes what a killed writer left (<c>.NAME.PID.GUID.tmp</c> and <c>.old</c> folders). A folder
/// of the same kind (it holds <c>markerFile</c>) is replaced (through a symbolic link, the folder it points to); a file, or any other non-empty folder, is refused.
/// </summary>
internal static class AtomicFolder
{
    /// <param name="kind">What the folder is, for the refusal ("a prepared cache").</param>
    /// <param name="fill">Writes the contents into the temporary folder it is given, marker file last.</param>
    public static T Write<T>(string folder, string markerFile, string kind, Func<string, T> fill)
    {
        Euterpe.Core.IO.OutputPathName.Check(folder);
        // OUT/ is a normal way to name a folder; kept, the slash would make OUT the parent of its own temporary folder.
        var bare = folder.TrimEnd('/');
        // Through a symbolic link the folder it points to is replaced, and the link kept.
        var target = Path.GetFullPath(bare.Length == 0 ? "/" : bare);
        if (new DirectoryInfo(target).LinkTarget is not null) target = Directory.ResolveLinkTarget(target, returnFinalTarget: true)?.FullName ?? target;
        if (File.Exists(target)) throw new EuterpeException($"{folder}: is a file, not a folder");
        if (Directory.Exists(target) && !File.Exists(Path.Combine(target, markerFile)) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new EuterpeException($"{folder}: exists and is not {kind}; refusing to overwrite it");
        // Creates the parent and removes the temporary folders of killed writers (their names carry the writer's id).
        var made = MissingFolders(Path.GetDirectoryName(target)!);
        var parent = AtomicFile.PrepareFolder(folder, target);
        var temp = AtomicFile.TempPath(parent, target);
        try
        {
            Directory.CreateDirectory(temp);
            var result = fill(temp);
            Replace(temp, target);
            return result;
        }
        catch (Exception e)
        {
            TryDelete(temp);
            // A failed write leaves nothing it created: the parents it made go too, deepest first, if still empty.
            foreach (var dir in made) TryDeleteEmpty(dir);
            if (NamingTheUsersFolder(e, temp, folder) is { } named) throw named;
            throw;
        }
    }

    /// <summary>
    /// A failure while filling names a file in the hidden temporary folder, but the user gave <paramref name="folder"/>:
    /// the error says that instead (null when it is neither an IO error nor one naming the temporary folder).
    /// </summary>
    private static EuterpeException? NamingTheUsersFolder(Exception e, string temp, string folder)
    {
        var shown = Path.TrimEndingDirectorySeparator(folder);
        return e switch
        {
            EuterpeException user when user.Message.Contains(temp, StringComparison.Ordinal) =>
                new EuterpeException(user.Message.Replace(temp, shown, StringComparison.Ordinal), user.ExitCode, user),
            IOException or UnauthorizedAccessException => AtomicFile.CannotWrite(shown, e, temp),
            _ => null,
        };
    }

    private static void Replace(string temp, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }
        var old = AtomicFile.TempPath(Path.GetDirectoryName(target)!, target, "old");
        Directory.Move(target, old);
        Directory.Move(temp, target);
        TryDelete(old);
    }

    /// <summary>The folders from <paramref name="folder"/> up that do not exist yet, deepest first.</summary>
    private static List<string> MissingFolders(string folder)
    {
        var missing = new List<string>();
        for (var dir = folder; !string.IsNullOrEmpty(dir) && !Path.Exists(dir) && new FileInfo(dir).LinkTarget is null; dir = Path.GetDirectoryName(dir)) missing.Add(dir);
        return missing;
    }

    private static void TryDeleteEmpty(string folder)
    {
        try { Directory.Delete(folder, recursive: false); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
