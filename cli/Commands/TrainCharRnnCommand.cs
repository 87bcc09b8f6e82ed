using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;
using Euterpe.Training.Families.CharRnn;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train char-rnn</c>: train the Char-RNN (an LSTM over ABC characters) on an abc cache (or a music folder).</summary>
internal static class TrainCharRnnCommand
{
    public static Command Create()
    {
        var common = new TrainOptions("A prepared cache (encoding abc) or a folder of music files.", 32, "Characters per training window.", 128,
            "Adam learning rate.", 2e-3, "Seed of the initial weights and of the training windows (and of the split for a music folder).");
        var config = new Option<string>("--config") { Description = "Model size: small (2×128), medium (2×256) or performance (3×512); tiny (1×32) for tests.", DefaultValueFactory = _ => "small" };
        var conditional = new Option<bool>("--conditional") { Description = "Feed the piece's 14 melody features (pitch-class histogram, density, mean pitch) at every step." };
        var dropout = new Option<double>("--dropout") { Description = "Dropout between LSTM layers and before the output, in training (0 to below 1).", DefaultValueFactory = _ => 0 };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only).", DefaultValueFactory = _ => 0.1 };
        var command = new Command("char-rnn",
            "Train the Char-RNN (an LSTM over the ABC text of each piece's melody, a character a token). Reports validation cross-entropy in nats per character.");
        common.AddTo(command, [config, conditional, dropout], fraction);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var configName = result.GetValue(config)!;
            // Every option value is checked before any data is read: a typo costs no minutes of preparing a corpus.
            CharRnnTrainer.CheckOptions(configName, result.GetValue(common.Steps), result.GetValue(common.Batch), result.GetValue(common.SequenceLength),
                result.GetValue(common.LearningRate), result.GetValue(common.Device)!, result.GetValue(dropout));
            common.CheckThreads(result);
            DatasetSplit.ValidationMask(0, result.GetValue(fraction), 0);
            var dataset = TrainingData.Load(source, DataEncoding.Abc, result.GetValue(fraction), result.GetValue(common.Seed), invocation.Error);
            CharRnnTrainer.CheckDataset(dataset, source);
            var run = result.GetValue(common.Output)!;
            var runConfig = CharRnnTrainer.NewRunConfig(dataset, configName, result.GetValue(conditional), result.GetValue(common.Steps), result.GetValue(common.Batch),
                result.GetValue(common.SequenceLength), result.GetValue(common.LearningRate), result.GetValue(common.Seed), result.GetValue(common.Device)!,
                result.GetValue(common.ValidateEvery), result.GetValue(common.CheckpointEvery), result.GetValue(dropout));
            var printer = common.StartTorch(result);
            var metrics = CharRnnTrainer.Train(dataset, runConfig, run, result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            var ce = metrics.ValidationCrossEntropy is { } v
                ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0000} nats/character (uniform guessing: {metrics.RandomBaseline:0.0000})")
                : "n/a (no validation pieces)";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: char-rnn {metrics.Config.Config} ({metrics.Config.Layers}×{metrics.Config.HiddenSize}){(metrics.Config.Conditional ? ", conditional" : "")}, step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: {metrics.TrainPieces} pieces, {metrics.TrainTokens} tokens"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validation: {metrics.ValidationPieces} pieces, {metrics.ValidationTokens} tokens, {metrics.ValidationNotes} notes"));
            invocation.Output.WriteLine($"validation cross-entropy: {ce}");
            if (metrics.ValidationNatsPerNote is { } perNote)
                invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation per note: {perNote:0.0000} nats ({metrics.CharactersPerNote:0.00} characters a note)"));
            return 0;
        });
        return command;
    }
}
