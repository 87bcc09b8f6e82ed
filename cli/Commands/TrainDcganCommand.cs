using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;
using Euterpe.Training.Families.PianoRollGan;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train dcgan</c>: the piano-roll DCGAN (convolutional generator of 16-beat clips against a convolutional discriminator, BCE).</summary>
internal static class TrainDcganCommand
{
    public static Command Create()
    {
        var defaults = new DcganRunConfig();
        var common = new TrainOptions("A piano-roll cache (data prepare --encoding pianoroll) or a folder of music files.", defaults.Batch,
            null, 0, "Adam learning rate (β 0.5, 0.999) of the generator.", defaults.GeneratorLearningRate,
            "Seed of the initial weights, the split, the clips drawn and the noise.");
        var discLr = new Option<double>("--disc-lr") { Description = "Adam learning rate of the discriminator (the source's 1e-6).", DefaultValueFactory = _ => defaults.DiscriminatorLearningRate };
        var latent = new Option<int>("--latent") { Description = "Size of the generator's Gaussian input z.", DefaultValueFactory = _ => defaults.Latent };
        var dropout = new Option<double>("--dropout") { Description = "Dropout between the discriminator's convolutions.", DefaultValueFactory = _ => defaults.Dropout };
        var threshold = new Option<double>("--threshold") { Description = "The value above which a cell sounds: the exported preset's default, and the on-cell shares the run reports.", DefaultValueFactory = _ => defaults.Threshold };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only; a cache keeps its split).", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = new Command("dcgan",
            "Train the piano-roll DCGAN: z ∈ R^100 → 16-beat clips of 384 steps × 128 pitches (velocity / 127) through transposed convolutions with " +
            "batch norm, against a convolutional discriminator with dropout; binary cross-entropy, Adam with the generator's --lr and the " +
            "discriminator's --disc-lr. Reports both losses, D's view of real and generated clips, and the share of cells above --threshold.");
        common.AddTo(command, [latent, dropout, threshold], discLr, fraction);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = new DcganRunConfig
            {
                Latent = result.GetValue(latent), Dropout = result.GetValue(dropout), Threshold = result.GetValue(threshold),
                ValidationFraction = result.GetValue(fraction), Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch),
                GeneratorLearningRate = result.GetValue(common.LearningRate), DiscriminatorLearningRate = result.GetValue(discLr),
                Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            // Every option value is checked before any data is read.
            options.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            // A resumed run reads its data as it was split: with its own seed and fraction.
            var checkpoint = Path.Combine(run, DcganTrainer.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? DcganTrainer.ReadRunConfig(checkpoint) : options;
            using var data = PianoRollDataset.Open(source, split.ValidationFraction, split.Seed, ProgressLine.ForStderr(invocation.Error).Report);
            foreach (var s in data.Manifest.Skipped) invocation.Error.WriteLine($"skipped: {s.Path}: {s.Reason}");
            var printer = common.StartTorch(result);
            printer.LossLabel = "D";
            printer.ValidationLabel = "G";
            var metrics = DcganTrainer.Train(new DcganBatches(data.Train, split.Seed), data.Validation.Count, DcganTrainer.NewRunConfig(source, options), run,
                result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            string Number(double? value) => value is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: dcgan generator ({metrics.GeneratorParameters:N0} parameters), discriminator ({metrics.DiscriminatorParameters:N0}), step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: train: {metrics.TrainClips} clips of 16 beats; validation: {metrics.ValidationClips} clips (not trained on)"));
            invocation.Output.WriteLine($"discriminator loss: {Number(metrics.DiscriminatorLoss)}; generator loss: {Number(metrics.GeneratorLoss)}");
            if (metrics.History is [.., var last])
                invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"D(real) {last.RealProbability:0.000}, D(generated) {last.FakeProbability:0.000}; cells above {metrics.Config.Threshold}: real {last.RealOnShare:0.0000}, generated {last.FakeOnShare:0.0000}"));
            return 0;
        });
        return command;
    }
}
