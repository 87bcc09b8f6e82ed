using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;
using Euterpe.Training.Families.MultiTrackGan;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train wgan-gp</c>: the multi-track WGAN-GP with self-attention on 17-track binary clips.</summary>
internal static class TrainWganGpCommand
{
    public static Command Create()
    {
        var defaults = new MultiTrackRunConfig();
        var common = new TrainOptions("A multi-track cache (data prepare --encoding multitrack) or a folder of music files.", defaults.Batch,
            null, 0, "Adam learning rate (β 0.5, 0.9) of the generator (the source's 3e-4).", defaults.GeneratorLearningRate,
            "Seed of the initial weights, the split, the clips drawn and the noise.");
        var criticLr = new Option<double>("--critic-lr") { Description = "Adam learning rate (β 0.5, 0.9) of the critic (the source's 6e-4).", DefaultValueFactory = _ => defaults.CriticLearningRate };
        var criticSteps = new Option<int>("--critic-steps") { Description = "Critic steps per generator step (n_critic), each on its own batch.", DefaultValueFactory = _ => defaults.CriticSteps };
        var penalty = new Option<double>("--penalty") { Description = "Weight λ of the gradient penalty.", DefaultValueFactory = _ => defaults.Penalty };
        var decay = new Option<double>("--decay") { Description = "Both learning rates are multiplied by this every --decay-epochs epochs.", DefaultValueFactory = _ => defaults.Decay };
        var decayEpochs = new Option<int>("--decay-epochs") { Description = "Epochs between learning-rate decays (an epoch: the training clips once, in batches).", DefaultValueFactory = _ => defaults.DecayEpochs };
        var latent = new Option<int>("--latent") { Description = "Size of the generator's Gaussian input z.", DefaultValueFactory = _ => defaults.Latent };
        var threshold = new Option<double>("--threshold") { Description = "The value above which a cell sounds: the exported preset's default (the source's 0.9), and the on-cell shares the run reports.", DefaultValueFactory = _ => defaults.Threshold };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only; a cache keeps its split).", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = new Command("wgan-gp",
            "Train the multi-track WGAN-GP with self-attention on 17-track clips (drums and the 16 GM program families; 16 beats × 4 steps × 128 pitches, binary): " +
            "a transposed-convolution generator (batch norm, PReLU, self-attention, sigmoid) against a convolutional critic (layer norm, PReLU, " +
            "self-attention, linear score); gradient penalty λ, n_critic critic steps per generator step, step decay of both learning rates.");
        common.AddTo(command, [latent, threshold, criticSteps, penalty, decay, decayEpochs], criticLr, fraction);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = defaults with
            {
                Latent = result.GetValue(latent), Threshold = result.GetValue(threshold), CriticSteps = result.GetValue(criticSteps), Penalty = result.GetValue(penalty),
                Decay = result.GetValue(decay), DecayEpochs = result.GetValue(decayEpochs),
                ValidationFraction = result.GetValue(fraction), Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch),
                GeneratorLearningRate = result.GetValue(common.LearningRate), CriticLearningRate = result.GetValue(criticLr),
                Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            // Every option value is checked before any data is read.
            options.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            // A resumed run reads its data as it was split: with its own seed and fraction.
            var checkpoint = Path.Combine(run, MultiTrackTrainer.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? MultiTrackTrainer.ReadRunConfig(checkpoint) : options;
            using var data = MultiTrackDataset.Open(source, split.ValidationFraction, split.Seed, ProgressLine.ForStderr(invocation.Error).Report);
            foreach (var s in data.Manifest.Skipped) invocation.Error.WriteLine($"skipped: {s.Path}: {s.Reason}");
            var printer = common.StartTorch(result);
            printer.LossLabel = "D";
            printer.ValidationLabel = "G";
            var metrics = MultiTrackTrainer.Train(new MultiTrackBatches(data.Train, split.Seed), data.Validation, MultiTrackTrainer.NewRunConfig(source, options), run,
                result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            string Number(double? value) => value is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: wgan-gp generator ({metrics.GeneratorParameters:N0} parameters), critic ({metrics.CriticParameters:N0}), step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: train: {metrics.TrainClips} clips of 16 beats × 17 tracks; validation: {metrics.ValidationClips} clips (not trained on)"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"critic loss: {Number(metrics.CriticLoss)}; generator loss: {Number(metrics.GeneratorLoss)}; learning rates × {metrics.DecayFactor:0.####}"));
            if (metrics.History is [.., var last])
                invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"critic score real {last.RealProbability:0.000}, generated {last.FakeProbability:0.000}; cells above {metrics.Config.Threshold}: real {last.RealOnShare:0.0000}, generated {last.FakeOnShare:0.0000}"));
            if (metrics.HeldOut is [.., var held])
                invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"critic on {Math.Min(MultiTrackHeldOut.MaxClips, Math.Min(metrics.ValidationClips, metrics.TrainClips))} held-out clips {held.HeldOutScore:0.000}, as many training clips {held.TrainScore:0.000}, generated {held.GeneratedScore:0.000}; held-out − generated {held.HeldOutWasserstein:0.000}"));
            return 0;
        });
        return command;
    }
}
