using System.Text.RegularExpressions;

namespace Euterpe.Core;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never half of it: the bytes go to a
/// temporary file beside the target (<c>.NAME.PID.GUID.tmp</c>), are flushed to disk, then renamed over it. Through a
/// symbolic link the link's target is replaced and the link kept; a character device or FIFO (<c>/dev/null</c>, a pipe)
/// is written in place, as no rename can stand in for it. Failures are one-line <see cref="EuterpeException"/>s naming
/// the caller's path, never the temporary file. Every write into a folder first removes what killed writers left there.
/// </summary>
public static partial class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var target = OutputTarget.Of(path);
        if (target.InPlace)
        {
            WriteInPlace(path, target.Kind, write);
            return;
        }
        var dir = PrepareFolder(path, target.FinalPath);
        var temp = TempPath(dir, target.FinalPath);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target.FinalPath, overwrite: true);
        }
        catch (Exception e)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            if (e is IOException or UnauthorizedAccessException) throw CannotWrite(path, e, temp);
            throw;
        }
    }

    /// <summary>
    /// Creates the folder of <paramref name="finalPath"/> if missing and removes abandoned temporary files and folders of dead writers. Returns the folder.
    /// </summary>
    public static string PrepareFolder(string userPath, string finalPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(finalPath))!;
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(userPath, e, null);
        }
        RemoveAbandoned(dir);
        return dir;
    }

    /// <summary>A temporary name beside <paramref name="finalPath"/> in <paramref name="dir"/> that <see cref="RemoveAbandoned"/> recognises.</summary>
    public static string TempPath(string dir, string finalPath, string suffix = "tmp")
    {
        var tail = $".{Environment.ProcessId}.{Guid.NewGuid():N}.{suffix}";
        // A name near the 255-byte limit is shortened here, or the temporary file could not be made for a name the system takes.
        var name = Path.GetFileName(finalPath);
        while (name.Length > 1 && System.Text.Encoding.UTF8.GetByteCount(name) > IO.OutputPathName.MaxNameBytes - 1 - tail.Length)
            name = name[..^(char.IsLowSurrogate(name[^1]) ? 2 : 1)];
        return Path.Combine(dir, $".{name}{tail}");
    }

    /// <summary>
    /// A one-line error for a failed write that names <paramref name="userPath"/>: the system's reason, with the
    /// temporary path (which the user never gave) replaced by the user's.
    /// </summary>
    public static EuterpeException CannotWrite(string userPath, Exception e, string? temp)
    {
        var reason = e switch
        {
            UnauthorizedAccessException => "permission denied",
            DirectoryNotFoundException or FileNotFoundException => "no such folder, or it cannot hold files",
            _ => temp is null ? e.Message : e.Message.Replace(temp, userPath, StringComparison.Ordinal),
        };
        return new EuterpeException($"{userPath}: cannot write ({reason.TrimEnd('.')})", inner: e);
    }

    /// <summary>
    /// Deletes the temporary files and folders (<c>.NAME.PID.GUID.tmp</c>, and <c>.old</c> folders being replaced) that
    /// writes into <paramref name="folder"/> left behind when their process was killed; those of a live process are
    /// kept. Returns how many went.
    /// </summary>
    public static int RemoveAbandoned(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(folder, ".*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        foreach (var path in entries)
        {
            var match = TempName().Match(Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups["pid"].ValueSpan, out var pid) || IsAlive(pid)) continue;
            try
            {
                // A link is removed, never followed: only what the writer made goes.
                if (Directory.Exists(path) && File.ResolveLinkTarget(path, false) is null) Directory.Delete(path, recursive: true);
                else File.Delete(path);
                removed++;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return removed;
    }

    private static void WriteInPlace(string path, IO.FileKind kind, Action<Stream> write)
    {
        // Devices and FIFOs cannot seek back, so the file is made in memory and sent in one go.
        using var buffer = new MemoryStream();
        write(buffer);
        using var stream = IO.InPlaceOutput.Open(path, kind);
        try
        {
            buffer.WriteTo(stream);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, e, null);
        }
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, s => s.Write(copy));
    }

    public static void WriteAllText(string path, string text) => Write(path, s =>
    {
        using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write(text);
    });

    // .NAME.PID.GUID.tmp (or .old): the writer's process id and a 32-digit GUID, so no user's file is taken for one.
    [GeneratedRegex(@"^\..+\.(?<pid>[0-9]+)\.[0-9a-f]{32}\.(tmp|old)$")]
    private static partial Regex TempName();
}
