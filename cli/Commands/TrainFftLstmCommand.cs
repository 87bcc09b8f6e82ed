using System.CommandLine;
using System.Globalization;
using Euterpe.Core.Families.FftLstm;
using Euterpe.Training.Data;
using Euterpe.Training.Families.FftLstm;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train fft-lstm</c>: train a raw-audio FFT-frame LSTM on an audio frame cache.</summary>
internal static class TrainFftLstmCommand
{
    public static Command Create()
    {
        var common = new TrainOptions("An audio frame cache (`euterpe data prepare --encoding fft-frames`).", 16, "Frames per training window (T).", 40,
            "RMSprop learning rate.", 1e-4, "Seed of the initial weights and of the training windows.");
        var arch = new Option<string>("--arch") { Description = "baseline, fc, conv1d, conv2d, stacked or bilinear.", DefaultValueFactory = _ => FftLstmConfig.Bilinear };
        var config = new Option<string>("--config") { Description = "Model size: small (256 units), published (2048 units); tiny for tests.", DefaultValueFactory = _ => "small" };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty (RMSprop weight decay).", DefaultValueFactory = _ => 1e-6 };
        var inputNoise = new Option<double>("--input-noise")
        {
            Description = "Gaussian noise added to the normalised input frames (not the targets), in standard deviations of the training frames; 0: clean inputs.",
            DefaultValueFactory = _ => 0,
        };
        var levelClasses = new Option<int>("--level-classes")
        {
            Description = "Classes of the level head: the model also predicts the class of the next frame's level (classes of equal dB over the training frames' range), "
                + "and generation draws each frame's level from it, so the level moves as the music's does; 0: none (the literature's frame regressor alone).",
            DefaultValueFactory = _ => FrameLevelBins.DefaultCount,
        };
        var command = new Command("fft-lstm",
            "Train a raw-audio FFT-frame LSTM (predicts the next frame, and with a level head the class of its level; MSE and cross-entropy, RMSprop). "
            + "Reports validation MSE of normalised frames and the level's cross-entropy.");
        common.AddTo(command, [arch, config], l2, inputNoise, levelClasses);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            // Every option value is checked before any data is read.
            FftLstmTrainer.CheckOptions(result.GetValue(arch)!, result.GetValue(config)!, result.GetValue(common.Steps), result.GetValue(common.Batch),
                result.GetValue(common.SequenceLength), result.GetValue(common.LearningRate), result.GetValue(l2), result.GetValue(common.Device)!, result.GetValue(inputNoise),
                result.GetValue(levelClasses));
            common.CheckThreads(result);
            var (cache, train, validation) = AudioFrameCache.Load(source);
            var run = result.GetValue(common.Output)!;
            var runConfig = FftLstmTrainer.NewRunConfig(cache, source, result.GetValue(arch)!, result.GetValue(config)!, result.GetValue(common.Steps), result.GetValue(common.Batch),
                result.GetValue(common.SequenceLength), result.GetValue(common.LearningRate), result.GetValue(l2), result.GetValue(common.Seed), result.GetValue(common.Device)!,
                result.GetValue(common.ValidateEvery), result.GetValue(common.CheckpointEvery), result.GetValue(inputNoise),
                result.GetValue(levelClasses));
            var printer = common.StartTorch(result);
            var metrics = FftLstmTrainer.Train(train, validation, runConfig, run, result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            var mse = metrics.ValidationMse is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a (no validation files)";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: fft-lstm {metrics.Config.Arch} {metrics.Config.Config} ({metrics.Parameters:N0} parameters), {cache.FrameLayout} frames of {cache.FrameLength}/{cache.Hop} samples, step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: {metrics.TrainFrames} frames; validation: {metrics.ValidationFrames} frames"));
            invocation.Output.WriteLine($"validation MSE (normalised frames): {mse}");
            if (metrics.ValidationLevelCrossEntropy is { } level)
                invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation level cross-entropy: {level:0.0000} nats over {metrics.Config.LevelClasses} classes"));
            return 0;
        });
        return command;
    }
}
