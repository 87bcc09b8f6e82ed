namespace Euterpe.Cli.Tests;

/// <summary>
/// `generate NAME` takes an installed preset's id as `render --preset NAME` does (it was refused as a missing folder),
/// found where the plug-in's Model list looks; a name that is neither a folder nor an id lists the ids there are.
/// Each run is its own process with its own search path, so no installed preset of this machine takes part.
/// </summary>
public sealed class GeneratePresetIdTests : IDisposable
{
    private readonly TempFolder _temp = new("generate-preset-id-");
    private readonly Dictionary<string, string> _environment;

    public GeneratePresetIdTests()
    {
        PresetCopy.Make(_temp, PresetCopy.NGram);
        _environment = new()
        {
            ["EUTERPE_VST3"] = _temp.Path("no-bundle.vst3"),
            ["XDG_DATA_HOME"] = _temp.Path("no-data"),
            ["EUTERPE_PRESETS"] = _temp.Root,
        };
    }

    public void Dispose() => _temp.Dispose();

    private ProcessResult Generate(string preset, string output) =>
        EuterpeProcess.Run(["generate", preset, "--seconds", "4", "--seed", "7", "--out", _temp.File(output)], _environment);

    [Fact]
    public void An_installed_preset_id_generates_what_its_folder_does()
    {
        var byId = Generate(PresetCopy.NGram, "by-id.mid");
        Assert.True(byId.ExitCode == 0, byId.Stderr);
        var byFolder = Generate(_temp.Path(PresetCopy.NGram), "by-folder.mid");
        Assert.True(byFolder.ExitCode == 0, byFolder.Stderr);
        Assert.Equal(File.ReadAllBytes(_temp.File("by-folder.mid")), File.ReadAllBytes(_temp.File("by-id.mid")));
    }

    [Fact]
    public void A_name_that_is_neither_a_folder_nor_an_id_lists_the_ids()
    {
        var refused = Generate("no-such-preset", "x.mid");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("", refused.Stdout);
        Assert.Equal("error: \"no-such-preset\": no such preset folder or preset id (available presets: ngram-openmsx)\n", refused.Stderr.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(_temp.File("x.mid")));
    }
}
