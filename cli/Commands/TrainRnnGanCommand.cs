using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;
using Euterpe.Training.Families.RnnGan;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train rnn-gan</c>: train the LSTM generator against an LSTM discriminator (GAN loss, label smoothing, history replay) on melodies.</summary>
internal static class TrainRnnGanCommand
{
    public static Command Create()
    {
        var defaults = new RnnGanRunConfig();
        var common = new TrainOptions("A prepared cache (encoding notes) or a folder of music files.", defaults.Batch,
            "Tokens per training window (and per generated segment: the player restarts every 32).", defaults.Length,
            "Adam learning rate (β 0.5, 0.999) of both networks.", defaults.LearningRate,
            "Seed of the initial weights, the split, the windows and the noise.");
        var hidden = new Option<int>("--hidden") { Description = "LSTM units of the generator.", DefaultValueFactory = _ => defaults.Hidden };
        var discHidden = new Option<int>("--disc-hidden") { Description = "LSTM units of the discriminator.", DefaultValueFactory = _ => defaults.DiscriminatorHidden };
        var embedding = new Option<int>("--embedding") { Description = "Width of the generator's token embedding.", DefaultValueFactory = _ => defaults.Embedding };
        var noise = new Option<int>("--noise") { Description = "Gaussian noise values the generator reads at every step.", DefaultValueFactory = _ => defaults.Noise };
        var smooth = new Option<double>("--smooth") { Description = "The discriminator's target for real windows (one-sided label smoothing; 1: none).", DefaultValueFactory = _ => defaults.Smooth };
        var replay = new Option<int>("--replay")
        {
            Description = "Generated batches the history replay remembers; half of each fake batch the discriminator sees is drawn from them (0: off).",
            DefaultValueFactory = _ => defaults.Replay,
        };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only; a cache keeps its split).", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = new Command("rnn-gan",
            "Train the RNN-GAN: an LSTM generator reading fresh noise and its own previous token distribution at every step, against an LSTM " +
            "discriminator over token distributions; GAN loss with one-sided label smoothing and history replay, on joint (pitch, duration) " +
            "melody tokens. Reports both losses and how far the generator has collapsed (distinct tokens and pitches per sample, the top token's share).");
        common.AddTo(command, [hidden, discHidden, embedding, noise, smooth, replay, fraction]);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = new RnnGanRunConfig
            {
                Hidden = result.GetValue(hidden), DiscriminatorHidden = result.GetValue(discHidden), Embedding = result.GetValue(embedding),
                Noise = result.GetValue(noise), Length = result.GetValue(common.SequenceLength), Smooth = result.GetValue(smooth), Replay = result.GetValue(replay),
                ValidationFraction = result.GetValue(fraction), Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch),
                LearningRate = result.GetValue(common.LearningRate), Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            // Every option value is checked before any data is read.
            options.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            // A resumed run reads its data as it was split: with its own seed, fraction and length.
            var checkpoint = Path.Combine(run, RnnGanTrainer.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? RnnGanTrainer.ReadRunConfig(checkpoint) : options;
            var (trainMelodies, validationMelodies) = RnnGanTrainer.Melodies(TrainingData.Load(source, DataEncoding.Notes, split.ValidationFraction, split.Seed, invocation.Error));
            var train = new RnnGanWindows(split.Length, trainMelodies, split.Seed);
            var validation = new RnnGanWindows(split.Length, validationMelodies, split.Seed);
            var printer = common.StartTorch(result);
            printer.LossLabel = "D";
            printer.ValidationLabel = "G";
            var metrics = RnnGanTrainer.Train(train, validation, RnnGanTrainer.NewRunConfig(source, options), run, result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            string Number(double? value) => value is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: rnn-gan generator {metrics.Config.Hidden} units ({metrics.GeneratorParameters:N0} parameters), discriminator {metrics.Config.DiscriminatorHidden} units ({metrics.DiscriminatorParameters:N0}), step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: train: {metrics.TrainPieces} melodies, {metrics.TrainWindows} windows of {metrics.Config.Length} tokens; validation: {metrics.ValidationPieces} melodies"));
            invocation.Output.WriteLine($"discriminator loss: {Number(metrics.DiscriminatorLoss)}; generator loss: {Number(metrics.GeneratorLoss)}");
            string Collapse(RnnGanCollapse? c) => c is null ? "n/a" : string.Create(CultureInfo.InvariantCulture,
                $"{c.DistinctTokens:0.00} distinct tokens, {c.DistinctPitches:0.00} distinct pitches per sample, top token {c.TopTokenShare:0.000} of all");
            invocation.Output.WriteLine($"collapse ({RnnGanCollapse.Samples} samples of {metrics.Config.Length} tokens): {Collapse(metrics.Collapse)}; real windows: {Collapse(metrics.DataCollapse)}");
            return 0;
        });
        return command;
    }
}
