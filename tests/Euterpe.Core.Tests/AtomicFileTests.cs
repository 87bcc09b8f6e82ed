namespace Euterpe.Core.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temp_file()
    {
        using var folder = new TempFolder("euterpe-atomic-");
        var path = folder.File("metrics.json");
        AtomicFile.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("half"u8);
            throw new InvalidOperationException("disk gone");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Root));
    }

    [Fact]
    public void Temp_files_of_dead_writers_are_removed_and_a_live_writers_are_kept()
    {
        using var folder = new TempFolder("euterpe-atomic-");
        // A process that has exited gives a real id that no longer runs.
        var exited = ProcessRunner.Run("true", []).ProcessId;
        var dead = folder.File($".checkpoint.safetensors.{exited}.{Guid.NewGuid():N}.tmp");
        var live = folder.File($".metrics.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var other = folder.File("notes.tmp");
        foreach (var f in new[] { dead, live, other }) File.WriteAllText(f, "x");

        Assert.Equal(1, AtomicFile.RemoveAbandoned(folder.Root));
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
        Assert.Equal(0, AtomicFile.RemoveAbandoned(folder.Path("missing")));
    }

    [Fact]
    public void Temp_folders_of_dead_writers_go_with_the_next_write_into_their_folder()
    {
        using var folder = new TempFolder("euterpe-atomic-");
        var exited = ProcessRunner.Run("true", []).ProcessId;
        var cache = folder.Path($".cache.{exited}.{Guid.NewGuid():N}.tmp");
        var old = folder.Path($".cache.{exited}.{Guid.NewGuid():N}.old");
        var file = folder.File($".song.mid.{exited}.{Guid.NewGuid():N}.tmp");
        var live = folder.Path($".cache.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var notOurs = folder.File($".notes.{exited}.tmp");
        foreach (var dir in new[] { cache, old, live }) Directory.CreateDirectory(Path.Combine(dir, "train"));
        File.WriteAllText(Path.Combine(cache, "train", "shard-000.npy"), "x");
        File.WriteAllText(file, "x");
        File.WriteAllText(notOurs, "x");

        var written = folder.File("song.mid");
        AtomicFile.WriteAllText(written, "whole");
        Assert.Equal([live, notOurs, written], Directory.GetFileSystemEntries(folder.Root).Order(StringComparer.Ordinal));
    }
}
