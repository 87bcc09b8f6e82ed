using System.Diagnostics;
using Euterpe.Core.IO;

namespace Euterpe.Core.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("euterpe-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_folder, "metrics.json");
        AtomicFile.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("half"u8);
            throw new InvalidOperationException("disk gone");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Temp_files_of_dead_writers_are_removed_and_a_live_writers_are_kept()
    {
        // A process that has exited gives a real id that no longer runs.
        using var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        exited.WaitForExit();
        var dead = Path.Combine(_folder, $".checkpoint.safetensors.{exited.Id}.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(_folder, $".metrics.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var other = Path.Combine(_folder, "notes.tmp");
        foreach (var f in new[] { dead, live, other }) File.WriteAllText(f, "x");

        Assert.Equal(1, AtomicFile.RemoveAbandoned(_folder));
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
        Assert.Equal(0, AtomicFile.RemoveAbandoned(Path.Combine(_folder, "missing")));
    }
}
