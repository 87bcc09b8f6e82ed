namespace Euterpe.Cli.Tests;

/// <summary>
/// An ABC length divided by zero (<c>A/0</c>) through every command that reads ABC: before, an internal error (exit
/// 70) or an exception's type name in skipped.txt; now the reader's one line naming the file, line and column.
/// </summary>
public sealed class AbcInputErrorTests : IDisposable
{
    private const string Problem = "line 4, column 4: note length divides by zero";
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string ZeroLength(string folder)
    {
        Directory.CreateDirectory(_cli.Path(folder));
        var path = _cli.Path(folder, "zero.abc");
        File.WriteAllText(path, "X:1\nL:1/8\nK:C\nAB A/0 c|\n");
        return path;
    }

    [Fact]
    public void EvaluateNamesThePlace()
    {
        var reference = _cli.Corpus("reference", "ultimate_run.mid");
        var bad = ZeroLength("generated");
        var (code, _, stderr) = DataCli.Invoke("evaluate", bad, "--reference", reference);
        Assert.Equal(2, code);
        Assert.Equal($"error: {bad}: {Problem}\n", stderr);
    }

    [Fact]
    public void DataPrepareSkipsTheFileWithTheReadersReason()
    {
        var corpus = _cli.Corpus("corpus", "ultimate_run.mid", "coconut_run2.mid");
        File.Copy(ZeroLength("bad"), Path.Combine(corpus, "zero.abc"));
        var cache = _cli.Path("cache");
        var (code, _, stderr) = DataCli.Invoke("data", "prepare", "--data", corpus, "--encoding", "notes", "--out", cache, "--seed", "1");
        Assert.True(code == 0, stderr);
        Assert.Equal($"zero.abc: {Problem}\n", File.ReadAllText(Path.Combine(cache, "skipped.txt")));
    }

    [Fact]
    public void MidiConvertReadsOnlyTheFirstTuneWhenNoneIsNamed()
    {
        // A broken second tune stops only the commands that read it: --tune 2 names the place, the default never reads it.
        var abc = _cli.Path("two.abc");
        File.WriteAllText(abc, "X:1\nL:1/8\nK:G\nGABc|\n\nX:2\nL:1/8\nK:C\nAB A/0 c|\n");
        var (code, _, stderr) = MidiCommandTests.Invoke("midi", "convert", abc, "--out", _cli.Path("one.mid"));
        Assert.True(code == 0, stderr);
        (code, _, stderr) = MidiCommandTests.Invoke("midi", "convert", abc, "--tune", "2", "--out", _cli.Path("two.mid"));
        Assert.Equal((2, $"error: {abc}: line 9, column 4: note length divides by zero\n"), (code, stderr));
        Assert.False(File.Exists(_cli.Path("two.mid")));
    }
}
