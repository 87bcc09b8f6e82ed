using System.Runtime.InteropServices;

namespace Euterpe.TestSupport.Mutants;

/// <summary>
/// Output paths a command must refuse or handle without harm: a folder, symbolic links (to a file, to /dev/null,
/// dangling), a FIFO, the input itself, a missing parent, /proc files, over-long names. The first is a plain new file.
/// </summary>
public static class OutputPathMutants
{
    /// <summary><paramref name="count"/> output paths; past the designed ones they repeat with other names.</summary>
    public static IReadOnlyList<OutputPathMutant> Create(int seed, int count)
    {
        var designed = new List<OutputPathMutant>
        {
            new("new-file", Expectation.Good, (dir, _, ext) => Path.Combine(dir, "out" + ext)),
            new("existing-file", Expectation.Good, (dir, _, ext) => Existing(Path.Combine(dir, "old" + ext))),
            new("directory", Expectation.Bad, (dir, _, ext) => Directory.CreateDirectory(Path.Combine(dir, "folder" + ext)).FullName),
            new("trailing-slash", Expectation.Bad, (dir, _, ext) => Path.Combine(dir, "out" + ext) + "/"),
            new("symlink-to-file", Expectation.Either, (dir, _, ext) => Link(Path.Combine(dir, "link" + ext), Existing(Path.Combine(dir, "target" + ext)))),
            new("symlink-to-dev-null", Expectation.Either, (dir, _, ext) => Link(Path.Combine(dir, "null" + ext), "/dev/null")),
            new("dangling-symlink", Expectation.Either, (dir, _, ext) => Link(Path.Combine(dir, "dangling" + ext), Path.Combine(dir, "nowhere", "x" + ext))),
            new("fifo", Expectation.Either, (dir, _, ext) => Fifo(Path.Combine(dir, "fifo" + ext))),
            new("same-as-input", Expectation.Bad, (_, input, _) => input),
            new("missing-parent", Expectation.Either, (dir, _, ext) => Path.Combine(dir, "no", "such", "parent", "out" + ext)),
            new("proc-read-only", Expectation.Bad, (_, _, _) => "/proc/version"),
            new("proc-self-new", Expectation.Bad, (_, _, ext) => "/proc/self/out" + ext),
            new("name-300-chars", Expectation.Bad, (dir, _, ext) => Path.Combine(dir, new string('n', 300) + ext)),
            new("path-5000-chars", Expectation.Bad, (dir, _, ext) => Path.Combine(dir, string.Join('/', Enumerable.Repeat("deep", 1000)), "out" + ext)),
            new("empty-string", Expectation.Bad, (_, _, _) => ""),
            new("control-chars", Expectation.Either, (dir, _, ext) => Path.Combine(dir, "a\u001b[31mb\n" + ext)),
        };
        return MutantPicker.Pick(designed, seed, count, (rng, i) =>
        {
            var again = designed[1 + rng.Next(designed.Count - 1)];
            return again with { Name = $"{again.Name}-{i}" };
        });
    }

    private static string Existing(string path)
    {
        File.WriteAllText(path, "an older file\n");
        return path;
    }

    private static string Link(string path, string target)
    {
        File.CreateSymbolicLink(path, target);
        return path;
    }

    private static string Fifo(string path)
    {
        if (mkfifo(path, 0b110_110_110) != 0) throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
        return path;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);
}
