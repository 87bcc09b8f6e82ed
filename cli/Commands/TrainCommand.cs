using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Families.NGram;
using Euterpe.Training.Data;
using Euterpe.Training.Families.NGram;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train FAMILY</c>: a subcommand per family, each with its own options: the n-gram's (counting a melody model) here, every other family's in its own <c>Train…Command</c> (e.g. <see cref="TrainEventRnnCommand"/>, <see cref="TrainRefineCommand"/>).</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model.");
        command.Subcommands.Add(CreateNGram());
        command.Subcommands.Add(TrainEventRnnCommand.Create());
        command.Subcommands.Add(TrainCharRnnCommand.Create());
        command.Subcommands.Add(TrainFftLstmCommand.Create());
        command.Subcommands.Add(TrainAbcWganCommand.Create());
        command.Subcommands.Add(TrainRnnGanCommand.Create());
        command.Subcommands.Add(TrainSeqGanCommand.Create());
        command.Subcommands.Add(TrainSeqAeCommand.Create());
        command.Subcommands.Add(TrainRefineCommand.Create(Core.Families.Refine.RefineNetKind.Duration));
        command.Subcommands.Add(TrainRefineCommand.Create(Core.Families.Refine.RefineNetKind.Velocity));
        command.Subcommands.Add(TrainDcganCommand.Create());
        command.Subcommands.Add(TrainIwganCommand.Create());
        command.Subcommands.Add(TrainDcrnnCommand.Create());
        command.Subcommands.Add(TrainPix2PixCommand.Create());
        command.Subcommands.Add(TrainWganGpCommand.Create());
        return command;
    }

    private static Command CreateNGram()
    {
        var data = new Option<string>("--data") { Description = "A prepared cache (encoding notes) or a folder of music files.", Required = true };
        var output = new Option<string>("--out") { Description = "Run folder; model.json is written there.", Required = true };
        var order = new Option<int>("--order") { Description = "n: the next pitch/duration depends on the previous n−1.", DefaultValueFactory = _ => 3 };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only; a cache keeps its split).", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the split (music folder only).", DefaultValueFactory = _ => 0 };
        var minSongs = new Option<int>("--min-songs")
        {
            Description = "Use a pitch or duration context only if it was heard in at least this many training songs (1: every context; 2 keeps one song's riffs from being copied).",
            DefaultValueFactory = _ => NGramTrainer.DefaultMinSongs,
        };
        var command = new Command("ngram",
            "Train the n-gram note model (separate pitch and duration n-grams, Witten–Bell back-off, melodies moved to C major, " +
            "velocities and phrase repeats learned from music files) on the melodies of the data; " +
            "reports the validation cross-entropy per note in nats and saves RUN/model.json with provenance.");
        command.Options.Add(data);
        command.Options.Add(output);
        command.Options.Add(order);
        command.Options.Add(fraction);
        command.Options.Add(seed);
        command.Options.Add(minSongs);
        command.SetAction(result =>
        {
            var config = result.InvocationConfiguration;
            var source = result.GetValue(data)!;
            NGramTrainer.CheckOrder(result.GetValue(order));
            NGramTrainer.CheckMinSongs(result.GetValue(minSongs));
            DatasetSplit.ValidationMask(0, result.GetValue(fraction), 0); // --validation-fraction, before any data is read
            var dataset = TrainingData.Load(source, DataEncoding.Notes, result.GetValue(fraction), result.GetValue(seed), config.Error);
            var (model, provenance) = NGramTrainer.Train(dataset, result.GetValue(order), result.GetValue(minSongs));
            var run = result.GetValue(output)!;
            if (File.Exists(run)) throw new EuterpeException($"{run}: is a file, not a folder");
            Directory.CreateDirectory(run);
            var modelPath = Path.Combine(run, NGramManifest.ModelFileName);
            model.Save(modelPath, provenance);
            var ce = provenance.ValidationCrossEntropy is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) + " nats/note" : "n/a (no validation files)";
            config.Output.WriteLine($"model: {modelPath}");
            config.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"order: {provenance.Order}, contexts from at least {provenance.MinSongs} songs"));
            config.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: {provenance.TrainFiles.Count} files, {provenance.TrainNotes} notes"));
            config.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation: {provenance.ValidationFiles.Count} files, {provenance.ValidationNotes} notes"));
            config.Output.WriteLine($"validation cross-entropy: {ce}");
            return 0;
        });
        return command;
    }
}
