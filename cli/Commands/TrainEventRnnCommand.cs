using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Training.Data;
using Euterpe.Training.Training;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train event-rnn</c>: train the Performance-RNN style LSTM on a performance cache (or a music folder).</summary>
internal static class TrainEventRnnCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A prepared cache (encoding performance) or a folder of music files.", Required = true };
        var output = new Option<string>("--out") { Description = "Run folder: checkpoint.safetensors, metrics.json, loss.svg.", Required = true };
        var config = new Option<string>("--config") { Description = "Model size: small (2×128) or performance (3×512); tiny (1×32) for tests.", DefaultValueFactory = _ => "small" };
        var conditional = new Option<bool>("--conditional") { Description = "Feed 14 conditioning values (pitch-class histogram, density, mean pitch) at every step." };
        var scope = new Option<string>("--conditioning") { Description = "What the conditioning values describe: window (the events being predicted) or piece (the whole file).", DefaultValueFactory = _ => "window" };
        var steps = new Option<long>("--steps") { Description = "Total optimizer steps (with --resume: the new total).", DefaultValueFactory = _ => 1000 };
        var batch = new Option<int>("--batch") { Description = "Windows per step.", DefaultValueFactory = _ => 32 };
        var seqLen = new Option<int>("--seq-len") { Description = "Tokens per training window.", DefaultValueFactory = _ => 128 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the initial weights and of the training windows (and of the split for a music folder).", DefaultValueFactory = _ => 0 };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoint." };
        var validateEvery = new Option<int>("--validate-every") { Description = "Steps between validation measurements.", DefaultValueFactory = _ => 100 };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints.", DefaultValueFactory = _ => 100 };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only).", DefaultValueFactory = _ => 0.1 };
        var command = new Command("event-rnn",
            "Train the event RNN (Performance-RNN style LSTM over performance events). Reports validation cross-entropy in nats per token.");
        foreach (var o in new Option[] { data, output, config, conditional, scope, steps, batch, seqLen, lr, seed, device, resume, validateEvery, checkpointEvery, fraction })
            command.Options.Add(o);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(data)!;
            var configName = result.GetValue(config)!;
            Euterpe.Training.Models.EventRnnConfig.Named(configName, 1, 0); // an unknown --config fails before any data is read
            var dataset = TrainingData.Load(source, DataEncoding.Performance, result.GetValue(fraction), result.GetValue(seed), invocation.Error);
            EventRnnTrainer.CheckDataset(dataset, source);
            var run = result.GetValue(output)!;
            var runConfig = EventRnnTrainer.NewRunConfig(dataset, configName, result.GetValue(conditional), result.GetValue(steps), result.GetValue(batch),
                result.GetValue(seqLen), result.GetValue(lr), result.GetValue(seed), result.GetValue(device)!, result.GetValue(validateEvery), result.GetValue(checkpointEvery), result.GetValue(scope)!);
            var printer = new TrainingProgressPrinter(invocation.Error, ReferenceEquals(invocation.Error, Console.Error) && !Console.IsErrorRedirected);
            var metrics = EventRnnTrainer.Train(dataset, runConfig, run, result.GetValue(resume), printer.Report);
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
