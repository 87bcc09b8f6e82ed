using System.CommandLine;
using Euterpe.Cli.Commands;
using Euterpe.Core.IO;
using Euterpe.Core.Text;

namespace Euterpe.Cli.Tests;

/// <summary>
/// Output paths the commands refuse before any work (a directory, an input, another output) with one <c>error:</c>
/// line naming the user's path and exit 2, leaving every file as it was; failed writes name the user's path, not the
/// temporary file; what killed writers left beside an output goes with the next write there.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private static readonly string Song = Path.Combine(DataCli.OpenMsx, "tttheme2.mid");
    private readonly TempFolder _temp = new("euterpe-output-paths-");

    public void Dispose() => _temp.Dispose();

    private static (int Code, string Stdout, string Stderr) Invoke(params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var command in new[] { MidiCommand.Create(), OnnxCommand.Create(), DataCommand.Create(), GenerateCommand.Create(), EvaluateCommand.Create() })
            root.Subcommands.Add(command);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CommandRunner.Invoke(root, args, stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private static void AssertRefused(string message, params string[] args)
    {
        var (code, stdout, stderr) = Invoke(args);
        Assert.Equal("error: " + message + "\n", stderr);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
    }

    /// <summary>A copy of the real song in the temp folder, so a command that wrongly writes over it harms nothing.</summary>
    private string CopyOfSong(string name = "song.mid")
    {
        Assert.True(File.Exists(Song), $"{Song} is missing: install the Debian package openttd-openmsx (scripts/install-deps.sh)");
        var copy = _temp.File(name);
        File.Copy(Song, copy);
        return copy;
    }

    [Fact]
    public void A_directory_as_output_is_refused_by_every_command()
    {
        var song = CopyOfSong();
        var dir = _temp.Path("out.mid");
        Directory.CreateDirectory(dir);
        AssertRefused($"{dir}: is a directory", "evaluate", song, "--reference", DataCli.OpenMsx, "--json", dir);
        AssertRefused($"{dir}: is a directory", "midi", "convert", song, "--out", dir);
        AssertRefused($"{dir}: is a directory", "generate", _temp.Path("no-preset"), "--seconds", "1", "--out", dir);
        var png = _temp.Path("ssm.png");
        Directory.CreateDirectory(png);
        AssertRefused($"{png}: is a directory", "midi", "ssm", song, "--out", png);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void An_output_that_is_the_input_is_refused_and_the_input_kept()
    {
        var song = CopyOfSong();
        var bytes = File.ReadAllBytes(song);
        var link = _temp.File("link.mid");
        File.CreateSymbolicLink(link, "song.mid");
        AssertRefused($"{song}: is also an input; refusing to overwrite it", "evaluate", song, "--reference", DataCli.OpenMsx, "--json", song);
        AssertRefused($"{link}: is the same file as the input {song}; refusing to overwrite it", "evaluate", song, "--reference", DataCli.OpenMsx, "--json", link);
        AssertRefused($"{link}: is the same file as the input {song}; refusing to overwrite it", "midi", "convert", song, "--out", link);
        AssertRefused($"{song}: is also an input; refusing to overwrite it", "generate", _temp.Path("no-preset"), "--seconds", "1", "--prime", song, "--out", song);
        Assert.Equal(bytes, File.ReadAllBytes(song));
        Assert.Equal("song.mid", new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_link_to_dev_null_as_output_stays_a_link_and_the_device_a_device()
    {
        var song = CopyOfSong();
        // A link in the temp folder, not /dev/null itself: a write that renamed over it would replace the link only.
        var link = _temp.File("null.mid");
        File.CreateSymbolicLink(link, "/dev/null");
        var (code, stdout, stderr) = Invoke("midi", "convert", song, "--out", link);
        Assert.True(code == 0, stderr);
        Assert.StartsWith($"wrote {link}: ", stdout);
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Equal(Euterpe.Core.IO.FileKind.CharacterDevice, Euterpe.Core.IO.FileStatus.Of("/dev/null").Kind);
        Assert.Equal([link, song], Directory.GetFileSystemEntries(_temp.Root).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_reference_file_is_an_input_of_evaluate_too()
    {
        var song = CopyOfSong();
        var reference = _temp.Path("reference");
        Directory.CreateDirectory(reference);
        var kept = Path.Combine(reference, "theme.mid");
        File.Copy(Song, kept);
        AssertRefused($"{kept}: is also an input; refusing to overwrite it", "evaluate", song, "--reference", reference, "--json", kept);
        Assert.Equal(File.ReadAllBytes(Song), File.ReadAllBytes(kept));
    }

    [Fact]
    public void Onnx_run_refuses_a_file_as_its_folder_and_an_output_over_its_input()
    {
        var file = _temp.File("out.npy");
        File.WriteAllText(file, "mine");
        var model = OnnxTestModels.PathOf("matmul.onnx");
        AssertRefused($"{file}: is a file, not a folder", "onnx", "run", model, "--input", $"x={OnnxTestModels.PathOf("matmul_x.npy")}", "--out", file);
        Assert.Equal("mine", File.ReadAllText(file));

        // The model's output is y: y.npy in the output folder is the input given here.
        var dir = _temp.Path("run");
        Directory.CreateDirectory(dir);
        var input = Path.Combine(dir, "y.npy");
        File.Copy(OnnxTestModels.PathOf("matmul_x.npy"), input);
        AssertRefused($"{input}: is also an input; refusing to overwrite it", "onnx", "run", model, "--input", $"x={input}", "--out", dir);
        Assert.Equal(File.ReadAllBytes(OnnxTestModels.PathOf("matmul_x.npy")), File.ReadAllBytes(input));
    }

    [Fact]
    public void A_failed_write_names_the_users_path_not_the_temporary_file()
    {
        var song = CopyOfSong();
        var (code, stdout, stderr) = Invoke("midi", "convert", song, "--out", "/proc/euterpe-output-test.mid");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: /proc/euterpe-output-test.mid: cannot write (", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(".tmp", stderr);
    }

    [Fact]
    public void Data_prepare_removes_the_temporary_cache_folder_a_killed_prepare_left()
    {
        using var cli = new DataCli();
        var corpus = cli.Corpus("corpus", "tttheme2.mid", "busy_schedule.mid");
        var exited = ProcessRunner.Run("true", []).ProcessId;
        var abandoned = cli.Path($".cache.{exited}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(Path.Combine(abandoned, "train"));
        File.WriteAllText(Path.Combine(abandoned, "train", "shard-000.npy"), "half");
        var (code, _, stderr) = DataCli.Invoke("data", "prepare", "--data", corpus, "--encoding", "notes", "--out", cli.Path("cache"));
        Assert.True(code == 0, stderr);
        Assert.False(Directory.Exists(abandoned), "the killed prepare's folder is still there");
        Assert.Equal(["cache", "corpus"], Directory.GetFileSystemEntries(cli.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_fifo_no_process_reads_is_refused_within_the_wait_not_a_hang()
    {
        var song = CopyOfSong();
        var fifo = _temp.Path("pipe.mid");
        ProcessRunner.Run("mkfifo", [fifo]).EnsureSuccess();
        var run = Task.Run(() => Invoke("midi", "convert", song, "--out", fifo));
        try
        {
            var (code, stdout, stderr) = await run.WaitAsync(InPlaceOutput.ReaderWait + TimeSpan.FromSeconds(20));
            Assert.Equal($"error: {fifo}: no process reads this FIFO\n", stderr);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
        }
        finally
        {
            // Unblocks a writer that waits for ever (the bug), so the test run ends.
            if (!run.IsCompleted) _ = Task.Run(() => File.ReadAllBytes(fifo));
        }
        Assert.Equal(FileKind.Fifo, FileStatus.Of(fifo).Kind);
    }

    [Fact]
    public async Task A_fifo_with_a_reader_gets_the_whole_file()
    {
        var song = CopyOfSong();
        var expected = _temp.Path("plain.mid");
        Assert.Equal(0, Invoke("midi", "convert", song, "--out", expected).Code);
        var fifo = _temp.Path("pipe.mid");
        ProcessRunner.Run("mkfifo", [fifo]).EnsureSuccess();
        var read = Task.Run(() => File.ReadAllBytes(fifo));
        var (code, _, stderr) = Invoke("midi", "convert", song, "--out", fifo);
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllBytes(expected), await read.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void An_empty_output_path_is_refused_by_every_command_naming_it_quoted()
    {
        var song = CopyOfSong();
        AssertRefused("\"\": is not a file name", "midi", "convert", song, "--out", "");
        AssertRefused("\"\": is not a file name", "generate", _temp.Path("no-preset"), "--seconds", "1", "--out", "");
        using var cli = new DataCli();
        var corpus = cli.Corpus("corpus", "tttheme2.mid");
        var (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", corpus, "--encoding", "notes", "--out", "");
        Assert.Equal(("error: \"\": is not a file name\n", 2, ""), (stderr, code, stdout));
        Assert.Equal(["corpus"], Directory.GetFileSystemEntries(cli.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Over_long_names_and_paths_are_refused_up_front_with_the_path_quoted_short()
    {
        var song = CopyOfSong();
        var longName = _temp.Path(new string('n', 300) + ".mid");
        AssertRefused($"{UserText.Quote(longName)}: file name is longer than 255 bytes", "midi", "convert", song, "--out", longName);
        var deep = Path.Combine(_temp.Root, string.Join('/', Enumerable.Repeat("deep", 1000)), "out.mid");
        AssertRefused($"{UserText.Quote(deep)}: path is longer than 4095 bytes", "midi", "convert", song, "--out", deep);
        AssertRefused($"{UserText.Quote(deep)}: path is longer than 4095 bytes", "generate", _temp.Path("no-preset"), "--seconds", "1", "--out", deep);
        using var cli = new DataCli();
        var corpus = cli.Corpus("corpus", "tttheme2.mid");
        var (code, _, stderr) = DataCli.Invoke("data", "prepare", "--data", corpus, "--encoding", "notes", "--out", longName[..^4]);
        Assert.Equal(($"error: {UserText.Quote(longName[..^4])}: file name is longer than 255 bytes\n", 2), (stderr, code));
        Assert.True(stderr.Length < 300, stderr);
        Assert.Equal(["song.mid"], Directory.GetFileSystemEntries(_temp.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Data_prepare_takes_a_folder_named_with_a_trailing_slash()
    {
        using var cli = new DataCli();
        var corpus = cli.Corpus("corpus", "tttheme2.mid");
        var (code, _, stderr) = DataCli.Invoke("data", "prepare", "--data", corpus, "--encoding", "notes", "--out", cli.Path("cache") + "/");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(cli.Path("cache", "cache.json")));
        Assert.Equal(["cache", "corpus"], Directory.GetFileSystemEntries(cli.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var files = Directory.GetFileSystemEntries(cli.Path("cache")).Order(StringComparer.Ordinal).ToList();
        // Again over the cache it made: replaced, nothing nested in it.
        (code, _, stderr) = DataCli.Invoke("data", "prepare", "--data", corpus, "--encoding", "notes", "--out", cli.Path("cache") + "//");
        Assert.True(code == 0, stderr);
        Assert.Equal(files, Directory.GetFileSystemEntries(cli.Path("cache")).Order(StringComparer.Ordinal));
        Assert.Equal(["cache", "corpus"], Directory.GetFileSystemEntries(cli.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failed_data_prepare_leaves_none_of_the_folders_it_made()
    {
        using var cli = new DataCli();
        var empty = cli.Path("empty");
        Directory.CreateDirectory(empty);
        var (code, _, stderr) = DataCli.Invoke("data", "prepare", "--data", empty, "--encoding", "notes", "--out", cli.Path("new", "deep", "cache") + "/");
        Assert.Equal(($"error: {empty}: no music files (.mid, .midi, .kar, .abc) in this folder\n", 2), (stderr, code));
        Assert.Equal(["empty"], Directory.GetFileSystemEntries(cli.Root).Select(Path.GetFileName));
    }
}
