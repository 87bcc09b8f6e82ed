using Euterpe.Core;
using Euterpe.Training.Data;

namespace Euterpe.Training.Tests.Data;

/// <summary>A folder written whole: a failure names the user's folder, never the hidden temporary one, and leaves nothing.</summary>
public sealed class AtomicFolderTests : IDisposable
{
    private readonly TempFolder _temp = new("euterpe-atomic-folder-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_failed_write_inside_names_the_users_folder_and_leaves_no_temporary_folder()
    {
        var cache = _temp.Path("cache");
        var e = Assert.Throws<EuterpeException>(() => AtomicFolder.Write(cache, "cache.json", "a prepared cache", temp =>
        {
            // A shard folder that cannot be made: a file stands where it should go.
            File.WriteAllText(Path.Combine(temp, "train"), "in the way");
            AtomicFile.WriteAllText(Path.Combine(temp, "train", "shard-000.npy"), "x");
            return 0;
        }));
        Assert.StartsWith($"{cache}/train/shard-000.npy: cannot write (", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Root));
    }

    [Fact]
    public void Through_a_symbolic_link_the_folder_it_points_to_is_replaced_and_the_link_kept()
    {
        var real = _temp.Path("real-cache");
        Directory.CreateDirectory(real);
        File.WriteAllText(Path.Combine(real, "cache.json"), "old");
        var link = _temp.Path("cache");
        Directory.CreateSymbolicLink(link, "real-cache");
        AtomicFolder.Write(link, "cache.json", "a prepared cache", temp =>
        {
            File.WriteAllText(Path.Combine(temp, "cache.json"), "new");
            return 0;
        });
        Assert.Equal("real-cache", new DirectoryInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(Path.Combine(real, "cache.json")));
        Assert.Equal([link, real], Directory.GetFileSystemEntries(_temp.Root).Order(StringComparer.Ordinal));
    }
}
