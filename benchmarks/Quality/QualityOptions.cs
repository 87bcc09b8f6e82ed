using System.Globalization;

namespace Euterpe.Quality;

/// <summary>What the quality benchmark measures: which presets, how many seeds, how long, against which corpus.</summary>
internal sealed record QualityOptions(
    IReadOnlyList<string> Presets, int Seeds, double Seconds, string Corpus, double CorpusSeconds, string Output, string Cli, bool PlugIn)
{
    public const string Usage =
        "usage: dotnet run -c Release --project benchmarks/Quality -- [--presets event-rnn-openmsx,ngram-openmsx] [--seeds 5] [--seconds 60]\n" +
        "         [--corpus /usr/share/games/openttd/baseset/openmsx] [--corpus-seconds 60] [--out out/quality] [--cli ./euterpe] [--no-plugin] [--melodies]\n" +
        "         [--audio-presets fft-lstm-bilinear-openmsx] [--audio-corpus out/audio-openmsx-31x60]";

    /// <summary>
    /// Compare with each corpus piece's plain melody (its top voice on a sixteenth grid at 120 bpm, what the ABC
    /// families learn: <see cref="Core.Encoding.AbcCharacterEncoding.PlainMelody"/>) instead of the whole piece.
    /// </summary>
    public bool Melodies { get; init; }

    /// <summary>Raw-audio presets, measured by <see cref="AudioPresetQuality"/> against <see cref="AudioCorpus"/>.</summary>
    public IReadOnlyList<string> AudioPresets { get; init; } = ["fft-lstm-bilinear-openmsx"];

    /// <summary>The raw-audio presets' training audio (rendered there when absent).</summary>
    public string AudioCorpus { get; init; } = "";

    public static QualityOptions Parse(string[] args, string repository)
    {
        var options = new QualityOptions(["event-rnn-openmsx", "ngram-openmsx"], 5, 60, "/usr/share/games/openttd/baseset/openmsx", 60,
            Path.Combine(repository, "out", "quality"), Path.Combine(repository, "euterpe"), true)
        {
            AudioCorpus = Path.Combine(repository, "out", "audio-openmsx-31x60"),
        };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]}: needs a value");
            options = args[i] switch
            {
                "--presets" => options with { Presets = Value().Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--seeds" => options with { Seeds = Number(Value(), "--seeds", 1, 100) },
                "--seconds" => options with { Seconds = Number(Value(), "--seconds", 1, 3600) },
                "--corpus" => options with { Corpus = Value() },
                "--corpus-seconds" => options with { CorpusSeconds = Number(Value(), "--corpus-seconds", 1, 86400) },
                "--out" => options with { Output = Path.GetFullPath(Value()) },
                "--cli" => options with { Cli = Path.GetFullPath(Value()) },
                "--no-plugin" => options with { PlugIn = false },
                "--melodies" => options with { Melodies = true },
                "--audio-presets" => options with { AudioPresets = Value().Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--audio-corpus" => options with { AudioCorpus = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"{args[i]}: unknown option"),
            };
        }
        return options;
    }

    private static int Number(string text, string name, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v : throw new ArgumentException($"{name}: must be a whole number {min}…{max} (got {text})");
}
