using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;
using Euterpe.Training.Families.PianoRollGan;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train iwgan</c>: the CNN GAN with the improved Wasserstein loss (gradient penalty) on binary piano rolls.</summary>
internal static class TrainIwganCommand
{
    public static Command Create()
    {
        var defaults = new DcganRunConfig { Family = DcganRunConfig.IwganName, Dropout = 0, Threshold = 0.5, Batch = 64, DiscriminatorLearningRate = 1e-4 };
        var common = new TrainOptions("A piano-roll cache (data prepare --encoding pianoroll) or a folder of music files; cells are made binary.", defaults.Batch,
            null, 0, "Adam learning rate (β 0.5, 0.9) of the generator.", defaults.GeneratorLearningRate,
            "Seed of the initial weights, the split, the clips drawn and the noise.");
        var criticLr = new Option<double>("--critic-lr") { Description = "Adam learning rate (β 0.5, 0.9) of the critic.", DefaultValueFactory = _ => defaults.DiscriminatorLearningRate };
        var criticSteps = new Option<int>("--critic-steps") { Description = "Critic steps per generator step (n_critic), each on its own batch.", DefaultValueFactory = _ => defaults.CriticSteps };
        var penalty = new Option<double>("--penalty") { Description = "Weight λ of the gradient penalty.", DefaultValueFactory = _ => defaults.Penalty };
        var latent = new Option<int>("--latent") { Description = "Size of the generator's Gaussian input z.", DefaultValueFactory = _ => defaults.Latent };
        var threshold = new Option<double>("--threshold") { Description = "The value above which a cell sounds: the exported preset's default, and the on-cell shares the run reports.", DefaultValueFactory = _ => defaults.Threshold };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only; a cache keeps its split).", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = new Command("iwgan",
            "Train the CNN GAN with the improved Wasserstein loss on binary piano rolls (16-beat clips, 384 steps × 128 pitches): the DCGAN's " +
            "convolutional generator against a convolutional critic with a linear score; WGAN-GP (gradient penalty λ), n_critic critic steps per generator step.");
        common.AddTo(command, [latent, threshold, criticSteps, penalty], criticLr, fraction);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = defaults with
            {
                Latent = result.GetValue(latent), Threshold = result.GetValue(threshold), CriticSteps = result.GetValue(criticSteps), Penalty = result.GetValue(penalty),
                ValidationFraction = result.GetValue(fraction), Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch),
                GeneratorLearningRate = result.GetValue(common.LearningRate), DiscriminatorLearningRate = result.GetValue(criticLr),
                Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            options.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            var checkpoint = Path.Combine(run, DcganTrainer.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? DcganTrainer.ReadRunConfig(checkpoint) : options;
            using var data = PianoRollDataset.Open(source, split.ValidationFraction, split.Seed, ProgressLine.ForStderr(invocation.Error).Report);
            foreach (var s in data.Manifest.Skipped) invocation.Error.WriteLine($"skipped: {s.Path}: {s.Reason}");
            var printer = common.StartTorch(result);
            printer.LossLabel = "D";
            printer.ValidationLabel = "G";
            var metrics = IwganTrainer.Train(new DcganBatches(data.Train, split.Seed, binary: true), data.Validation.Count, DcganTrainer.NewRunConfig(source, options), run,
                result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            string Number(double? value) => value is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: iwgan generator ({metrics.GeneratorParameters:N0} parameters), critic ({metrics.DiscriminatorParameters:N0}), step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: train: {metrics.TrainClips} clips of 16 beats (binary); validation: {metrics.ValidationClips} clips (not trained on)"));
            invocation.Output.WriteLine($"critic loss: {Number(metrics.DiscriminatorLoss)}; generator loss: {Number(metrics.GeneratorLoss)}");
            if (metrics.History is [.., var last])
                invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"critic score real {last.RealProbability:0.000}, generated {last.FakeProbability:0.000}; cells above {metrics.Config.Threshold}: real {last.RealOnShare:0.0000}, generated {last.FakeOnShare:0.0000}"));
            return 0;
        });
        return command;
    }
}
