using System.Globalization;

namespace Euterpe.Hardening;

/// <summary>The campaign's command-line options; see <see cref="Usage"/>.</summary>
internal sealed record CampaignOptions
{
    public static readonly string[] AllKinds = ["abc", "wav", "onnx", "preset", "npy", "outpath", "kill", "bundle"];

    public const string Usage = """
        Usage: dotnet run --project benchmarks/Hardening -c Release -- [options]
          --kinds K1,K2     input kinds to mutate (default: all): abc,wav,onnx,preset,npy,outpath,kill,bundle
          --limit N         mutants per kind (default 24)
          --seed N          seed of every generator (default 1)
          --results DIR     scratch and results folder (default /tmp/hardening-results), emptied first
          --timeout S       seconds before a run counts as a hang (default 60)
          --memory GIB      address-space cap per run in GiB, 0 for none (default 4)
          --cli PATH        the command line: euterpe.dll (run by dotnet) or an executable
                            (default: artifacts/bin/Euterpe.Cli/release/euterpe.dll, built by ./euterpe)
          --bundle PATH     the VST3 bundle (default: artifacts/Euterpe.vst3, built by scripts/build.sh)
          --jobs N          runs at a time (default 2)
          --keep            keep every run's folder (default: only those of runs that did not end ok/clean)
        """;

    public IReadOnlyList<string> Kinds { get; init; } = AllKinds;
    public int Limit { get; init; } = 24;
    public int Seed { get; init; } = 1;
    public string Results { get; init; } = "/tmp/hardening-results";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public double MemoryGiB { get; init; } = 4;
    public string? Cli { get; init; }
    public string? Bundle { get; init; }
    public int Jobs { get; init; } = 2;
    public bool Keep { get; init; }

    /// <summary>The options in <paramref name="args"/>; a wrong one throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static CampaignOptions Parse(string[] args)
    {
        var options = new CampaignOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]}: needs a value");
            options = args[i] switch
            {
                "--kinds" => options with { Kinds = Kinds_(Value()) },
                "--limit" => options with { Limit = Number("--limit", Value(), 1) },
                "--seed" => options with { Seed = Number("--seed", Value(), 0) },
                "--results" => options with { Results = Path.GetFullPath(Value()) },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Number("--timeout", Value(), 1)) },
                "--memory" => options with { MemoryGiB = Real("--memory", Value()) },
                "--cli" => options with { Cli = Path.GetFullPath(Value()) },
                "--bundle" => options with { Bundle = Path.GetFullPath(Value()) },
                "--jobs" => options with { Jobs = Number("--jobs", Value(), 1) },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"{args[i]}: unknown option"),
            };
        }
        return options;
    }

    private static string[] Kinds_(string list)
    {
        var kinds = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var kind in kinds)
            if (!AllKinds.Contains(kind)) throw new ArgumentException($"--kinds: '{kind}' is not one of {string.Join(',', AllKinds)}");
        return kinds;
    }

    private static int Number(string option, string text, int min) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min ? n
            : throw new ArgumentException($"{option}: '{text}' is not a whole number of at least {min}");

    private static double Real(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= 0 ? x
            : throw new ArgumentException($"{option}: '{text}' is not a number of at least 0");
}
