using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe data prepare</c>: encode a folder of music once into a cache of .npy shards.</summary>
public static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Prepare training data.");
        command.Subcommands.Add(CreatePrepare());
        return command;
    }

    private static Command CreatePrepare()
    {
        var data = new Option<string>("--data") { Description = "Folder of music files (.mid, .midi, .kar, .abc), searched recursively.", Required = true };
        var encoding = new Option<string>("--encoding") { Description = "performance | notes | pianoroll | abc.", Required = true };
        var output = new Option<string>("--out") { Description = "Cache folder to write (replaced atomically).", Required = true };
        var fraction = new Option<double>("--validation-fraction") { Description = "Fraction of the files held out for validation.", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the train/validation split.", DefaultValueFactory = _ => 0 };
        var command = new Command("prepare",
            "Encode every music file of a folder into train/validation shards (split by file), with cache.json and skipped.txt. " +
            "Unreadable files are skipped with a reason.");
        command.Options.Add(data);
        command.Options.Add(encoding);
        command.Options.Add(output);
        command.Options.Add(fraction);
        command.Options.Add(seed);
        var melody = new Option<bool>("--melody") { Description = "performance only: encode just the melody the n-gram model sees (skyline, 16th grid, at 150 BPM), to compare the two on the same notes." };
        command.Options.Add(melody);
        command.SetAction(result =>
        {
            var config = result.InvocationConfiguration;
            var options = new PrepareOptions
            {
                Encoding = DataEncodings.Parse(result.GetValue(encoding)!),
                ValidationFraction = result.GetValue(fraction),
                Seed = result.GetValue(seed),
                Melody = result.GetValue(melody),
            };
            var outFolder = result.GetValue(output)!;
            var progress = ProgressLine.ForStderr(config.Error);
            var manifest = CacheWriter.Prepare(result.GetValue(data)!, options, outFolder, progress.Report);
            WriteSummary(config.Output, config.Error, manifest, outFolder);
            return 0;
        });
        return command;
    }

    internal static void WriteSummary(TextWriter output, TextWriter error, CacheManifest m, string outFolder)
    {
        var isRoll = m.Encoding == DataEncodings.Name(DataEncoding.PianoRoll);
        foreach (var s in m.Skipped) error.WriteLine($"skipped: {s.Path}: {s.Reason}");
        var unit = isRoll ? "windows" : "tokens";
        string Split(CacheSplitSummary s) => string.Create(CultureInfo.InvariantCulture,
            $"{s.Files} files, {s.Pieces} pieces, {(isRoll ? s.Windows : s.Tokens)} {unit}, {s.Shards.Count} shard(s)");
        output.WriteLine($"cache: {outFolder} ({m.Encoding}{(m.VocabularySize > 0 ? $", vocabulary {m.VocabularySize}" : "")})");
        output.WriteLine($"train: {Split(m.Train)}");
        output.WriteLine($"validation: {Split(m.Validation)}");
        output.WriteLine($"skipped: {m.Skipped.Count} file(s){(m.Skipped.Count > 0 ? " (listed in skipped.txt)" : "")}");
    }
}
