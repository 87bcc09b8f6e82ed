using System.Globalization;
using System.Text;
using Euterpe.Core.Audio;
using Euterpe.Core.Evaluation;
using Euterpe.TestSupport;

namespace Euterpe.Quality;

/// <summary>
/// Issue 14's raw-audio targets: a raw-audio preset's audio through <c>generate</c> and through the plug-in (<c>render</c>,
/// Seed parameter = the seed) for each seed, measured with <see cref="AudioMetrics"/> against the audio it was trained on
/// (the OpenMSX songs rendered by scripts/render-audio-corpus.sh, rendered once into the cache folder when absent). Each
/// set's value is the mean over its seeds, the training audio's the mean over its files.
/// </summary>
internal sealed class AudioPresetQuality(QualityOptions options)
{
    /// <summary>The shipped preset's training audio: all 31 songs, 60 s each (presets/README.md).</summary>
    public const int CorpusSongs = 31;
    public const int CorpusSongSeconds = 60;

    public IEnumerable<QualityTarget> Check(string preset, StringBuilder text)
    {
        var training = TrainingAudio();
        var corpus = Mean(training.Select(Measure).ToList());
        var folder = RepositoryRoot.Combine("presets", preset);
        var sets = new List<(string Name, List<(string File, AudioMetrics Metrics)> Files)>();
        var generated = Path.Combine(options.Output, preset, "generate");
        var plugIn = Path.Combine(options.Output, preset, "plugin");
        Directory.CreateDirectory(generated);
        if (options.PlugIn) Directory.CreateDirectory(plugIn);
        var (generatedFiles, plugInFiles) = (new List<(string, AudioMetrics)>(), new List<(string, AudioMetrics)>());
        for (var seed = 1; seed <= options.Seeds; seed++)
        {
            var s = seed.ToString(CultureInfo.InvariantCulture);
            var wav = Path.Combine(generated, $"seed-{seed}.wav");
            Run("generate", folder, "--seconds", F(options.Seconds), "--seed", s, "--out", wav);
            generatedFiles.Add(Measure(wav));
            if (!options.PlugIn) continue;
            wav = Path.Combine(plugIn, $"seed-{seed}.wav");
            Run("render", "--preset", folder, "--seconds", F(options.Seconds), "--out", wav, "--param", CommandLine.SeedParam(seed), "--quiet");
            plugInFiles.Add(Measure(wav));
        }
        sets.Add(("generate", generatedFiles));
        if (options.PlugIn) sets.Add(("plugin", plugInFiles));

        text.AppendLine($"## {preset}").AppendLine().AppendLine("| set | file | spectral flatness | level spread (dB) | onsets/s |").AppendLine("|---|---|---|---|---|");
        text.AppendLine(Row("training audio", $"mean of {training.Count} in {options.AudioCorpus}", corpus));
        foreach (var (name, files) in sets)
        {
            foreach (var (file, m) in files) text.AppendLine(Row(name, Path.GetFileName(file), m));
            var mean = Mean(files);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"== {preset} {name}: flatness {mean.SpectralFlatness:F4}, level spread {mean.FrameRmsSpreadDb:F2} dB, {mean.OnsetsPerSecond:F2} onsets/s " +
                $"(training audio {corpus.SpectralFlatness:F4}, {corpus.FrameRmsSpreadDb:F2} dB, {corpus.OnsetsPerSecond:F2}/s)"));
            QualityTarget T(string metric, double value, double reference, string bound, bool holds) => new(preset, name, metric, value, reference, bound, holds);
            yield return T("spectral flatness", mean.SpectralFlatness, corpus.SpectralFlatness, "corpus ×/÷ 2",
                mean.SpectralFlatness <= 2 * corpus.SpectralFlatness && mean.SpectralFlatness >= corpus.SpectralFlatness / 2);
            yield return T("frame level spread (dB)", mean.FrameRmsSpreadDb, corpus.FrameRmsSpreadDb, ">= 0.6x corpus", mean.FrameRmsSpreadDb >= 0.6 * corpus.FrameRmsSpreadDb);
            yield return T("onsets per second", mean.OnsetsPerSecond, corpus.OnsetsPerSecond, ">= 0.5x corpus", mean.OnsetsPerSecond >= 0.5 * corpus.OnsetsPerSecond);
        }
        text.AppendLine();
    }

    /// <summary>The training audio's WAV files, rendered (fluidsynth) into <see cref="QualityOptions.AudioCorpus"/> first when it holds none.</summary>
    private List<string> TrainingAudio()
    {
        var folder = options.AudioCorpus;
        if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.wav").Length < CorpusSongs)
        {
            Console.Error.WriteLine($"quality: rendering the training audio ({CorpusSongs} songs × {CorpusSongSeconds} s) into {folder}");
            CommandLine.Check(RepositoryRoot.Combine("scripts", "render-audio-corpus.sh"), folder, CorpusSongs.ToString(CultureInfo.InvariantCulture), CorpusSongSeconds.ToString(CultureInfo.InvariantCulture));
        }
        return [.. Directory.GetFiles(folder, "*.wav").Order(StringComparer.Ordinal)];
    }

    private static (string File, AudioMetrics Metrics) Measure(string wav) => (wav, AudioMetrics.Measure(WavFile.Read(wav)));

    private static AudioMetrics Mean(IReadOnlyList<(string File, AudioMetrics Metrics)> files) => new(
        files.Average(f => f.Metrics.Seconds), files.Average(f => f.Metrics.SpectralFlatness), files.Average(f => f.Metrics.FrameRmsSpreadDb),
        files.Average(f => f.Metrics.OnsetsPerSecond), files.Average(f => f.Metrics.LoudFrameShare));

    private static string Row(string set, string file, AudioMetrics m) =>
        string.Create(CultureInfo.InvariantCulture, $"| {set} | {file} | {m.SpectralFlatness:F4} | {m.FrameRmsSpreadDb:F2} | {m.OnsetsPerSecond:F2} |");

    private void Run(params string[] arguments) => CommandLine.Check(options.Cli, arguments);

    private static string F(double value) => CommandLine.Number(value);
}
