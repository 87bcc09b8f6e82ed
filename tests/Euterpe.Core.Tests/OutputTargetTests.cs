using Euterpe.Core.IO;

namespace Euterpe.Core.Tests;

/// <summary>
/// Where outputs go: directories refused by name, an output that is an input or another output refused however it is
/// spelled, symbolic links kept (their target replaced), devices and FIFOs written in place.
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-output-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_directory_as_output_is_refused_by_its_name()
    {
        var dir = _folder.Path("out.mid");
        Directory.CreateDirectory(dir);
        Assert.Equal($"{dir}: is a directory", Assert.Throws<EuterpeException>(() => AtomicFile.WriteAllText(dir, "x")).Message);
        Assert.Equal($"{dir}: is a directory", Assert.Throws<EuterpeException>(() => OutputTarget.CheckDistinct([], [dir])).Message);
        Assert.True(Directory.Exists(dir));
        Assert.Equal([dir], Directory.GetFileSystemEntries(_folder.Root));
    }

    [Fact]
    public void A_path_that_names_no_file_is_refused_and_makes_no_folder()
    {
        var slash = _folder.Path("new") + "/";
        Assert.Equal($"{slash}: names a folder, not a file", Assert.Throws<EuterpeException>(() => AtomicFile.WriteAllText(slash, "x")).Message);
        Assert.Equal("\"\": is not a file name", Assert.Throws<EuterpeException>(() => AtomicFile.WriteAllText("", "x")).Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Root));
    }

    [Fact]
    public void Names_and_paths_longer_than_linux_allows_are_refused_quoted_and_short()
    {
        var name = _folder.Path(new string('é', 128) + ".mid"); // 128 characters, 256 bytes: bytes count, not characters
        var e = Assert.Throws<EuterpeException>(() => OutputTarget.Of(name));
        Assert.Equal($"{Euterpe.Core.Text.UserText.Quote(name)}: file name is longer than 255 bytes", e.Message);
        var folder = _folder.Path(new string('d', 256), "out.mid");
        Assert.EndsWith(": folder name is longer than 255 bytes", Assert.Throws<EuterpeException>(() => OutputTarget.Of(folder)).Message);
        var deep = Path.Combine(_folder.Root, string.Join('/', Enumerable.Repeat("deep", 1000)), "out.mid");
        e = Assert.Throws<EuterpeException>(() => AtomicFile.WriteAllText(deep, "x"));
        Assert.Equal($"{Euterpe.Core.Text.UserText.Quote(deep)}: path is longer than 4095 bytes", e.Message);
        Assert.True(e.Message.Length < 150, e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Root));
        // At the limits themselves the name is taken.
        AtomicFile.WriteAllText(_folder.Path(new string('n', 255)), "x");
    }

    [Fact]
    public void An_output_that_is_an_input_is_refused_through_links_hard_links_and_other_spellings()
    {
        var input = _folder.File("song.mid");
        File.WriteAllText(input, "the song");
        var link = _folder.File("link.mid");
        File.CreateSymbolicLink(link, "song.mid");
        var hard = _folder.File("hard.mid");
        ProcessRunner.Run("ln", [input, hard]).EnsureSuccess();
        var dotted = Path.Combine(_folder.Root, ".", "sub", "..", "song.mid");
        Directory.CreateDirectory(_folder.Path("sub"));

        foreach (var output in new[] { input, link, hard, dotted })
        {
            var e = Assert.Throws<EuterpeException>(() => OutputTarget.CheckDistinct([input], [output]));
            Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(output)}: is (also an|the same file as the) input", e.Message);
        }
        Assert.Equal($"{input}: is also an input; refusing to overwrite it",
            Assert.Throws<EuterpeException>(() => OutputTarget.CheckDistinct([input], [input])).Message);
        Assert.Equal("the song", File.ReadAllText(input));
    }

    [Fact]
    public void Two_outputs_naming_one_new_file_are_refused_and_devices_are_shared()
    {
        var wav = _folder.File("take.wav");
        var same = Path.Combine(_folder.Root, "sub", "..", "take.wav");
        Directory.CreateDirectory(_folder.Path("sub"));
        Assert.Equal($"{same}: is the same file as the output {wav}; give each output its own file",
            Assert.Throws<EuterpeException>(() => OutputTarget.CheckDistinct([], [wav, same])).Message);
        // /dev/null takes any number of outputs, and being an input as well.
        OutputTarget.CheckDistinct(["/dev/null"], ["/dev/null", "/dev/null", _folder.File("other.mid")]);
        Assert.False(File.Exists(wav));
    }

    [Fact]
    public void A_symbolic_link_keeps_pointing_at_its_target_which_is_replaced()
    {
        var target = _folder.File("real.json");
        File.WriteAllText(target, "old");
        var link = _folder.File("link.json");
        File.CreateSymbolicLink(link, "real.json");
        AtomicFile.WriteAllText(link, "new");
        Assert.Equal("real.json", new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));

        // A dangling link makes its target.
        var dangling = _folder.File("dangling.json");
        File.CreateSymbolicLink(dangling, "made.json");
        AtomicFile.WriteAllText(dangling, "made");
        Assert.Equal("made.json", new FileInfo(dangling).LinkTarget);
        Assert.Equal("made", File.ReadAllText(_folder.File("made.json")));
    }

    [Fact]
    public async Task A_fifo_is_written_in_place_and_stays_a_fifo()
    {
        var fifo = _folder.File("pipe.mid");
        ProcessRunner.Run("mkfifo", [fifo]).EnsureSuccess();
        var read = Task.Run(() => File.ReadAllText(fifo));
        AtomicFile.WriteAllText(fifo, "through the pipe");
        Assert.Equal("through the pipe", await read.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FileKind.Fifo, FileStatus.Of(fifo).Kind);
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_folder.Root));
    }

    [Fact]
    public void A_link_to_dev_null_is_written_through_and_dev_null_stays_a_device()
    {
        // Through a link in a temporary folder: were the write to rename over it, the link would go, not /dev/null.
        var link = _folder.File("null.mid");
        File.CreateSymbolicLink(link, "/dev/null");
        AtomicFile.WriteAllText(link, "gone");
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Equal(FileKind.CharacterDevice, FileStatus.Of(link).Kind);
        Assert.Equal(FileKind.CharacterDevice, FileStatus.Of("/dev/null").Kind);
        Assert.Equal([link], Directory.GetFileSystemEntries(_folder.Root));
    }

    [Fact]
    public void A_failed_write_names_the_users_path_not_the_temporary_file()
    {
        var path = "/proc/euterpe-output-test.mid";
        var e = Assert.Throws<EuterpeException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.StartsWith($"{path}: cannot write (", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
