using Euterpe.Core.Generation;

namespace Euterpe.Cli.Tests;

/// <summary>
/// `generate` and `render` cap --seconds at the one <see cref="GenerationRequest.MaxSeconds"/> (they had 3600 and 86400),
/// refuse past it with the same line, and say the cap in their --help.
/// </summary>
public sealed class SecondsCapTests : IDisposable
{
    private readonly TempFolder _temp = new("seconds-cap-");

    public void Dispose() => _temp.Dispose();

    private string[] Command(string name, string seconds) => name == "generate"
        ? ["generate", RepositoryRoot.Combine("presets", PresetCopy.NGram), "--seconds", seconds, "--out", _temp.File("x.mid")]
        : ["render", "--plugin", _temp.Path("No.vst3"), "--seconds", seconds, "--out", _temp.File("x.wav")];

    [Theory]
    [InlineData("generate", "3601")]
    [InlineData("render", "3601")]
    [InlineData("render", "86400")]
    [InlineData("render", "NaN")]
    public void Past_the_one_cap_is_the_same_error_line(string name, string seconds)
    {
        var result = EuterpeProcess.Run(Command(name, seconds), new Dictionary<string, string>());
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --seconds: must be in (0, {GenerationRequest.MaxSeconds}] (got {seconds})\n", result.Stderr.ReplaceLineEndings("\n"));
        Assert.Empty(Directory.GetFiles(_temp.Root));
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("render")]
    public void Help_states_the_cap(string name)
    {
        var result = EuterpeProcess.Run([name, "--help"], new Dictionary<string, string>());
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"(at most {GenerationRequest.MaxSeconds}).", result.Stdout);
    }
}
