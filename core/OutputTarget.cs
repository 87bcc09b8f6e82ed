using Euterpe.Core.IO;

namespace Euterpe.Core;

/// <summary>
/// Where a command's output goes, decided before any work: a regular file (or a new one) is replaced atomically, through
/// a symbolic link its target is (the link stays); a character device or FIFO is written in place; a directory, block
/// device or socket is refused. <see cref="CheckDistinct"/> refuses an output that is one of the inputs or another
/// output, however the paths are spelled (links, hard links, <c>./</c>), so no command destroys a file it reads.
/// </summary>
public readonly record struct OutputTarget(string UserPath, string FinalPath, FileKind Kind)
{
    /// <summary>True when the bytes go straight into the file (a device or FIFO), with no temporary file and no rename.</summary>
    public bool InPlace => Kind is FileKind.CharacterDevice or FileKind.Fifo;

    /// <summary>Where <paramref name="path"/> writes; throws a one-line <see cref="EuterpeException"/> for a path no file can be written to.</summary>
    public static OutputTarget Of(string path)
    {
        OutputPathName.Check(path);
        var status = FileStatus.Of(path);
        switch (status.Kind)
        {
            case FileKind.Directory: throw new EuterpeException($"{path}: is a directory");
            case FileKind.BlockDevice: throw new EuterpeException($"{path}: is a block device; refusing to write to it");
            case FileKind.Socket: throw new EuterpeException($"{path}: is a socket; cannot write a file there");
        }
        if (Path.EndsInDirectorySeparator(path)) throw new EuterpeException($"{path}: names a folder, not a file");
        var full = Path.GetFullPath(path);
        var final = status.Kind is FileKind.Regular or FileKind.Missing ? FinalTarget(full) : full;
        return new OutputTarget(path, final, status.Kind);
    }

    /// <summary>Checks every output with <see cref="Of"/>, then refuses an output that is an input or another output.</summary>
    /// <param name="inputs">Files the command reads (null entries, options not given, are skipped).</param>
    /// <param name="outputs">Files the command writes, in the order the user gave them.</param>
    public static void CheckDistinct(IEnumerable<string?> inputs, IEnumerable<string?> outputs)
    {
        var seen = new List<(string Path, (ulong Device, ulong Inode, string? Name) Id)>();
        foreach (var input in inputs)
        {
            if (input is not null && IdentityOf(input) is { } id) seen.Add((input, id));
        }
        var inputCount = seen.Count;
        foreach (var output in outputs)
        {
            if (output is null) continue;
            Of(output);
            if (IdentityOf(output) is not { } id) continue;
            var clash = seen.FindIndex(s => s.Id == id);
            if (clash >= 0)
            {
                var other = seen[clash].Path;
                var (what, then) = clash < inputCount ? ("input", "refusing to overwrite it") : ("output", "give each output its own file");
                throw new EuterpeException(other == output
                    ? $"{output}: is also an {what}; {then}"
                    : $"{output}: is the same file as the {what} {other}; {then}");
            }
            seen.Add((output, id));
        }
    }

    /// <summary>Where a symbolic link (or a chain of them) finally points; the path itself when it is none.</summary>
    private static string FinalTarget(string full)
    {
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a link loop: the write fails later, naming the user's path
        }
    }

    /// <summary>
    /// The file a path names: its device and inode when it exists, else its folder's and its name (a file yet to be
    /// written); null for a character device (/dev/null may take any number of outputs) or a path with no folder.
    /// </summary>
    private static (ulong Device, ulong Inode, string? Name)? IdentityOf(string path)
    {
        var status = FileStatus.Of(path);
        if (status.Kind == FileKind.CharacterDevice) return null;
        if (status.Kind != FileKind.Missing) return (status.Device, status.Inode, null);
        var final = FinalTarget(Path.GetFullPath(path));
        var folder = FileStatus.Of(Path.GetDirectoryName(final) ?? final);
        return folder.Kind == FileKind.Missing
            ? (0, 0, final)
            : (folder.Device, folder.Inode, Path.GetFileName(final));
    }
}
