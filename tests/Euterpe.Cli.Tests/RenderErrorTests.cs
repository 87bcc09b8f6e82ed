using Euterpe.Host;

namespace Euterpe.Cli.Tests;

/// <summary>
/// <c>euterpe host info</c> and <c>euterpe render</c> on broken bundles and presets, each in a process of its own (a bad
/// library used to kill the process with SIGBUS; the plug-in logs to the real stderr): exit code 2, one
/// <c>error:</c> line naming the user's file, and no WAV, MIDI or temporary file written.
/// </summary>
public sealed class RenderErrorTests : IDisposable
{
    private readonly TempFolder _temp = new("euterpe-render-errors-");

    public void Dispose() => _temp.Dispose();

    private static string Bundle()
    {
        var bundle = BundleLocator.Default();
        Assert.True(File.Exists(Path.Combine(bundle, "Contents", "x86_64-linux", "Euterpe.so")), $"{bundle}: no built bundle; run scripts/build.sh");
        return bundle;
    }

    /// <summary>Runs the CLI; asserts exit code 2 and a single stderr line, and returns it.</summary>
    private string Refused(params string[] args)
    {
        var result = EuterpeProcess.Run(args, new Dictionary<string, string> { ["XDG_STATE_HOME"] = _temp.Path("state"), ["XDG_DATA_HOME"] = _temp.Path("data") });
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.DoesNotContain("internal error", line);
        return line;
    }

    private string[] Render(string preset) =>
        ["render", "--plugin", Bundle(), "--preset", preset, "--seconds", "2", "--out", _temp.File("out.wav"), "--midi-out", _temp.File("out.mid"), "--quiet"];

    private void AssertNothingWritten() => Assert.Empty(Directory.GetFiles(_temp.Root));

    [Fact]
    public void A_vstpreset_that_is_no_preset_is_one_line_naming_it_and_nothing_is_rendered()
    {
        var bogus = Path.Combine(Path.GetTempPath(), $"euterpe-bogus-{Environment.ProcessId}.vstpreset");
        File.WriteAllText(bogus, "this is a text file long enough to fill a forty-eight byte header");
        try
        {
            var line = Refused("render", "--plugin", Bundle(), "--vstpreset", bogus, "--seconds", "2", "--out", _temp.File("out.wav"), "--quiet");
            Assert.Equal($"error: {bogus}: not a VST3 preset (no 'VST3' header)", line);
            AssertNothingWritten();
            Assert.Equal("error: --preset and --vstpreset: give one (a .vstpreset names its model itself)",
                Refused("render", "--plugin", Bundle(), "--preset", "ngram-openmsx", "--vstpreset", bogus, "--seconds", "2", "--out", _temp.File("out.wav"), "--quiet"));
            Assert.Equal($"error: {bogus}: not a VST3 preset (no 'VST3' header)", Refused("host", "vstpreset", "show", bogus));
        }
        finally
        {
            File.Delete(bogus);
        }
    }

    [Fact]
    public void Host_info_on_a_bundle_with_a_truncated_library_is_one_error_line_not_SIGBUS()
    {
        var source = Path.Combine(Bundle(), "Contents", "x86_64-linux", "Euterpe.so");
        var bundle = _temp.Path("Cut.vst3");
        var library = Path.Combine(bundle, "Contents", "x86_64-linux", "Cut.so");
        Directory.CreateDirectory(Path.GetDirectoryName(library)!);
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(library, bytes[..(bytes.Length / 2)]);
        var line = Refused("host", "info", bundle);
        Assert.StartsWith($"error: {library}: not a loadable ELF shared library (", line);
    }

    [Fact]
    public void A_preset_whose_model_goes_corrupt_while_playing_fails_the_render_naming_the_model()
    {
        // The model loads, then its first step's logits reach 1e37: the worker stops, and its status used to read
        // "generator stopped: EuterpeException: …" cut at 127 characters, so render named the folder, not the model.
        var preset = PresetCopy.Make(_temp, PresetCopy.EventRnn);
        var model = PresetCopy.SetOutputWeightColumn(preset, 207, -7.8e37f);
        var line = Refused(Render(preset));
        Assert.StartsWith($"error: {model}: the plug-in cannot play this preset: \"the model's logit 207 is ", line);
        AssertNothingWritten();
    }

    [Fact]
    public void A_preset_whose_model_onnx_is_truncated_fails_the_render()
    {
        var preset = PresetCopy.Make(_temp, PresetCopy.EventRnn);
        var model = Path.Combine(preset, "model.onnx");
        File.WriteAllBytes(model, File.ReadAllBytes(model)[..1000]);
        var line = Refused(Render(preset));
        Assert.StartsWith($"error: {model}: the plug-in cannot play this preset: \"InvalidProtobuf: ", line);
        AssertNothingWritten();
    }

    [Fact]
    public void An_audio_preset_whose_seed_wav_is_truncated_fails_the_render()
    {
        var preset = PresetCopy.Make(_temp, PresetCopy.FftLstm);
        var seed = Path.Combine(preset, "seed.wav");
        File.WriteAllBytes(seed, File.ReadAllBytes(seed)[..100]);
        var line = Refused(Render(preset));
        Assert.StartsWith($"error: {seed}: the plug-in cannot play this preset: \"truncated", line);
        AssertNothingWritten();
    }

    [Fact]
    public void A_preset_folder_that_fails_its_familys_check_is_refused_before_rendering_not_replaced_by_the_bundles_copy()
    {
        // Same folder name and id as a bundle preset: the broken folder must be the one reported, never the bundle's copy played.
        var preset = PresetCopy.Make(_temp, PresetCopy.NGram);
        var manifest = Path.Combine(preset, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"family\": \"ngram\"", "\"family\": \"ngramz\""));
        var line = Refused(Render(preset));
        Assert.StartsWith($"error: {manifest}: family \"ngramz\" is not one Euterpe plays", line);
        AssertNothingWritten();
    }

    [Fact]
    public void A_folder_without_a_manifest_is_refused()
    {
        var folder = Directory.CreateDirectory(_temp.Path("presets", "empty")).FullName;
        Assert.Equal($"error: {folder}: not a preset (no manifest.json)", Refused(Render(folder)));
        Assert.Empty(Directory.GetFiles(_temp.Root));
    }

    [Fact]
    public void An_unknown_preset_name_is_quoted()
    {
        var line = Refused(Render("no such\u001b[31m preset"));
        // The ids the bundle offers follow, so the user can pick one (the same list `generate NAME` gives).
        Assert.Matches(": --preset: Euterpe lists no preset named \"no such\\\\u001b\\[31m preset\" \\(available presets: .*event-rnn-openmsx.*\\)$", line);
        AssertNothingWritten();
    }

    [Fact]
    public void A_bundle_with_no_presets_fails_the_render()
    {
        // A copy of the bundle whose presets folder is empty: the plug-in's Model slot 1 holds nothing.
        var source = Bundle();
        var bundle = _temp.Path("Euterpe.vst3");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith(Path.Combine("Contents", "Resources", "presets"), StringComparison.Ordinal)) continue;
            var target = Path.Combine(bundle, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.CreateDirectory(Path.Combine(bundle, "Contents", "Resources", "presets"));
        var line = Refused("render", "--plugin", bundle, "--seconds", "2", "--out", _temp.File("out.wav"), "--quiet");
        Assert.StartsWith($"error: {bundle}: the plug-in reports an error: \"no presets found", line);
        Assert.Empty(Directory.GetFiles(_temp.Root));
    }
}
