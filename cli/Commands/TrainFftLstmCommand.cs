using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;
using Euterpe.Training.Models;
using Euterpe.Training.Training;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train fft-lstm</c>: train a raw-audio FFT-frame LSTM on an audio frame cache.</summary>
internal static class TrainFftLstmCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "An audio frame cache (`euterpe data prepare --encoding fft-frames`).", Required = true };
        var output = new Option<string>("--out") { Description = "Run folder: checkpoint.safetensors, metrics.json, loss.svg.", Required = true };
        var arch = new Option<string>("--arch") { Description = "baseline, fc, conv1d, conv2d, stacked or bilinear.", DefaultValueFactory = _ => FftLstmConfig.Bilinear };
        var config = new Option<string>("--config") { Description = "Model size: small (256 units), published (2048 units); tiny for tests.", DefaultValueFactory = _ => "small" };
        var steps = new Option<long>("--steps") { Description = "Total optimizer steps (with --resume: the new total).", DefaultValueFactory = _ => 1000 };
        var batch = new Option<int>("--batch") { Description = "Windows per step.", DefaultValueFactory = _ => 16 };
        var seqLen = new Option<int>("--seq-len") { Description = "Frames per training window (T).", DefaultValueFactory = _ => 40 };
        var lr = new Option<double>("--lr") { Description = "RMSprop learning rate.", DefaultValueFactory = _ => 1e-4 };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty (RMSprop weight decay).", DefaultValueFactory = _ => 1e-6 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the initial weights and of the training windows.", DefaultValueFactory = _ => 0 };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoint." };
        var validateEvery = new Option<int>("--validate-every") { Description = "Steps between validation measurements.", DefaultValueFactory = _ => 100 };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints.", DefaultValueFactory = _ => 100 };
        var command = new Command("fft-lstm",
            "Train a raw-audio FFT-frame LSTM (predicts the next frame; MSE, RMSprop). Reports validation MSE of normalised frames.");
        foreach (var o in new Option[] { data, output, arch, config, steps, batch, seqLen, lr, l2, seed, device, resume, validateEvery, checkpointEvery })
            command.Options.Add(o);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(data)!;
            FftLstmConfig.Named(result.GetValue(config)!, result.GetValue(arch)!, 4); // unknown names fail before any data is read
            var (cache, train, validation) = AudioFrameCache.Load(source);
            var run = result.GetValue(output)!;
            var runConfig = FftLstmTrainer.NewRunConfig(cache, source, result.GetValue(arch)!, result.GetValue(config)!, result.GetValue(steps), result.GetValue(batch),
                result.GetValue(seqLen), result.GetValue(lr), result.GetValue(l2), result.GetValue(seed), result.GetValue(device)!,
                result.GetValue(validateEvery), result.GetValue(checkpointEvery));
            var printer = new TrainingProgressPrinter(invocation.Error, ReferenceEquals(invocation.Error, Console.Error) && !Console.IsErrorRedirected);
            var metrics = FftLstmTrainer.Train(train, validation, runConfig, run, result.GetValue(resume), printer.Report);
            printer.Finish();
            var mse = metrics.ValidationMse is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a (no validation files)";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: fft-lstm {metrics.Config.Arch} {metrics.Config.Config} ({metrics.Parameters:N0} parameters), {cache.FrameLayout} frames of {cache.FrameLength}/{cache.Hop} samples, step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: {metrics.TrainFrames} frames; validation: {metrics.ValidationFrames} frames"));
            invocation.Output.WriteLine($"validation MSE (normalised frames): {mse}");
            return 0;
        });
        return command;
    }
}
