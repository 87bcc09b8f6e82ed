using System.CommandLine;
using Euterpe.Cli.Commands;

namespace Euterpe.Cli.Tests;

/// <summary>Runs the data, train, export, generate and evaluate commands through <see cref="CommandRunner"/> in a temp folder.</summary>
public sealed class DataCli : IDisposable
{
    public const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";

    private readonly TempFolder _folder = new("euterpe-cli-data-");

    public string Root => _folder.Root;

    public string Path(params string[] parts) => _folder.Path(parts);

    public static (int Code, string Stdout, string Stderr) Invoke(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(DataCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(RefineCommand.Create());
        root.Subcommands.Add(AudioCommand.Create());
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CommandRunner.Invoke(root, args, stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>A corpus folder with copies of the named OpenMSX songs.</summary>
    public string Corpus(string folder, params string[] songs) => _folder.CopyFrom(OpenMsx, folder, songs);

    /// <summary>data prepare of the named OpenMSX songs into a cache (a third held out, split seed 3).</summary>
    public string PreparedCache(string encoding, params string[] songs)
    {
        var corpus = Corpus("corpus-" + encoding, songs);
        var cache = Path("cache-" + encoding);
        var (code, _, stderr) = Invoke("data", "prepare", "--data", corpus, "--encoding", encoding, "--out", cache, "--validation-fraction", "0.34", "--seed", "3");
        Assert.True(code == 0, stderr);
        return cache;
    }

    public void Dispose() => _folder.Dispose();
}
