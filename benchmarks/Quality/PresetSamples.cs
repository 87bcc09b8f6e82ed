using System.Globalization;
using Euterpe.Core.Audio;

namespace Euterpe.Quality;

/// <summary>
/// Music made by one preset for the benchmark: <c>generate</c>'s MIDI for each seed, and the plug-in's MIDI output and
/// audio from <c>render</c> with its Seed parameter set to the same seeds, all at default controls.
/// </summary>
internal sealed class PresetSamples(QualityOptions options, string preset)
{
    public string Generated => Path.Combine(options.Output, preset, "generate");
    public string PlugIn => Path.Combine(options.Output, preset, "plugin");

    /// <summary>Runs the command line for every seed; returns the seeds' peak sample values of the plug-in's audio.</summary>
    public IReadOnlyList<float> Make(string presetFolder)
    {
        Directory.CreateDirectory(Generated);
        var peaks = new List<float>();
        for (var seed = 1; seed <= options.Seeds; seed++)
        {
            Run("generate", presetFolder, "--seconds", F(options.Seconds), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(Generated, $"seed-{seed}.mid"));
            if (!options.PlugIn) continue;
            Directory.CreateDirectory(PlugIn);
            var wav = Path.Combine(PlugIn, $"seed-{seed}.wav");
            Run("render", "--preset", presetFolder, "--seconds", F(options.Seconds), "--out", wav, "--midi-out", Path.Combine(PlugIn, $"seed-{seed}.mid"),
                "--param", CommandLine.SeedParam(seed), "--quiet");
            peaks.Add(Peak(WavFile.Read(wav)));
        }
        return peaks;
    }

    /// <summary>
    /// <c>generate</c> with <c>--key</c> for every seed, into its own folder; null when the preset's family does not take
    /// the option (generate refuses it with exit 2).
    /// </summary>
    public string? MakeKeyed(string presetFolder, string key)
    {
        var folder = Path.Combine(options.Output, Path.GetFileName(presetFolder), "key-" + key.Replace(':', '-'));
        Directory.CreateDirectory(folder);
        for (var seed = 1; seed <= options.Seeds; seed++)
        {
            if (!TryRun("generate", presetFolder, "--seconds", F(options.Seconds), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--key", key,
                "--out", Path.Combine(folder, $"seed-{seed}.mid")))
            {
                Directory.Delete(folder, recursive: true);
                return null;
            }
        }
        return folder;
    }

    private static float Peak(AudioBuffer audio)
    {
        var peak = 0f;
        foreach (var channel in audio.Channels)
            foreach (var sample in channel) peak = Math.Max(peak, Math.Abs(sample));
        return peak;
    }

    private void Run(params string[] arguments)
    {
        if (!TryRun(arguments)) throw new InvalidOperationException($"{Path.GetFileName(options.Cli)} {string.Join(' ', arguments)} refused an option");
    }

    // False when the command refuses its arguments (exit 2 naming an option); any other failure throws.
    private bool TryRun(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = CommandLine.Run(options.Cli, arguments);
        if (exitCode == 2 && stderr.Contains("does not use it", StringComparison.Ordinal)) return false;
        if (exitCode != 0) throw CommandLine.Failure(options.Cli, arguments, exitCode, stdout, stderr);
        return true;
    }

    private static string F(double value) => CommandLine.Number(value);
}
