using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Training.Data;
using Euterpe.Training.Families.EventRnn;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train event-rnn</c>: train the Performance-RNN style LSTM on a performance cache (or a music folder).</summary>
internal static class TrainEventRnnCommand
{
    public static Command Create()
    {
        var common = new TrainOptions("A prepared cache (encoding performance) or a folder of music files.", 32, "Tokens per training window.", 128,
            "Adam learning rate.", 1e-3, "Seed of the initial weights and of the training windows (and of the split for a music folder).");
        var config = new Option<string>("--config") { Description = "Model size: small (2×128), medium (2×256) or performance (3×512); tiny (1×32) for tests.", DefaultValueFactory = _ => "small" };
        var dropout = new Option<double>("--dropout") { Description = "Dropout between LSTM layers and before the output, in training (0 to below 1).", DefaultValueFactory = _ => 0 };
        var transpose = new Option<int>("--transpose") { Description = "Transpose each training window by up to N semitones either way (0-12; augmentation).", DefaultValueFactory = _ => 0 };
        var conditional = new Option<bool>("--conditional") { Description = "Feed 14 conditioning values (pitch-class histogram, density, mean pitch) at every step." };
        var scope = new Option<string>("--conditioning") { Description = "What the conditioning values describe: window (the events being predicted) or piece (the whole file).", DefaultValueFactory = _ => "window" };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only).", DefaultValueFactory = _ => 0.1 };
        var command = new Command("event-rnn",
            "Train the event RNN (Performance-RNN style LSTM over performance events). Reports validation cross-entropy in nats per token.");
        common.AddTo(command, [config, conditional, scope, dropout, transpose], fraction);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var configName = result.GetValue(config)!;
            // Every option value is checked before any data is read: a typo costs no minutes of preparing a corpus.
            EventRnnTrainer.CheckOptions(configName, result.GetValue(common.Steps), result.GetValue(common.Batch), result.GetValue(common.SequenceLength),
                result.GetValue(common.LearningRate), result.GetValue(common.Device)!, result.GetValue(scope)!, result.GetValue(dropout), result.GetValue(transpose));
            common.CheckThreads(result);
            DatasetSplit.ValidationMask(0, result.GetValue(fraction), 0);
            var dataset = TrainingData.Load(source, DataEncoding.Performance, result.GetValue(fraction), result.GetValue(common.Seed), invocation.Error);
            EventRnnTrainer.CheckDataset(dataset, source);
            var run = result.GetValue(common.Output)!;
            var runConfig = EventRnnTrainer.NewRunConfig(dataset, configName, result.GetValue(conditional), result.GetValue(common.Steps), result.GetValue(common.Batch),
                result.GetValue(common.SequenceLength), result.GetValue(common.LearningRate), result.GetValue(common.Seed), result.GetValue(common.Device)!,
                result.GetValue(common.ValidateEvery), result.GetValue(common.CheckpointEvery), result.GetValue(scope)!, result.GetValue(dropout), result.GetValue(transpose));
            var printer = common.StartTorch(result);
            var metrics = EventRnnTrainer.Train(dataset, runConfig, run, result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            var ce = metrics.ValidationCrossEntropy is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) + " nats/token" : "n/a (no validation pieces)";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: event-rnn {metrics.Config.Config} ({metrics.Config.Layers}×{metrics.Config.HiddenSize}){(metrics.Config.Conditional ? ", conditional" : "")}, step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: {metrics.TrainPieces} pieces, {metrics.TrainTokens} tokens"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validation: {metrics.ValidationPieces} pieces, {metrics.ValidationTokens} tokens, {metrics.ValidationSeconds:0.0} s"));
            invocation.Output.WriteLine($"validation cross-entropy: {ce}");
            return 0;
        });
        return command;
    }
}
