using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;
using Euterpe.Training.Families.Pix2Pix;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train pix2pix</c>: the Pix2Pix inpainter (U-Net filling 16-beat crops with notes and bars missing, against a PatchGAN discriminator, BCE + λ·L1).</summary>
internal static class TrainPix2PixCommand
{
    public static Command Create()
    {
        var defaults = new Pix2PixRunConfig();
        var common = new TrainOptions("A piano-roll cache (data prepare --encoding pianoroll) or a folder of music files.", defaults.Batch,
            null, 0, "Adam learning rate (β 0.5, 0.999) of both networks.", defaults.LearningRate,
            "Seed of the initial weights, the split, the crops drawn, their facades and the dropout.");
        var noteDrop = new Option<double>("--note-drop") { Description = "The chance that a note of a training crop is missing from its facade.", DefaultValueFactory = _ => defaults.NoteDrop };
        var barChance = new Option<double>("--bar-chance") { Description = "The chance that one or two whole bars of a training crop are blanked (and marked as the hole to fill).", DefaultValueFactory = _ => defaults.BarChance };
        var l1 = new Option<double>("--l1-weight") { Description = "λ: the L1 term's weight against the adversarial loss (Pix2Pix's 100).", DefaultValueFactory = _ => defaults.L1Weight };
        var threshold = new Option<double>("--threshold") { Description = "The value above which a filled cell sounds: the exported preset's default and the held-out F1's.", DefaultValueFactory = _ => defaults.Threshold };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only; a cache keeps its split).", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = new Command("pix2pix",
            "Train the Pix2Pix inpainter: 16-beat crops at 8 steps a beat (128 steps × 128 pitches, velocity / 127) with notes dropped and bars " +
            "blanked (the facade) are filled by a U-Net (dropout as its noise) against a PatchGAN discriminator on (facade, roll) pairs; " +
            "binary cross-entropy + λ·L1, Adam 2e-4. Reports both losses and, on held-out crops, the fill's cell precision, recall and F1.");
        common.AddTo(command, [noteDrop, barChance, l1, threshold], fraction);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = new Pix2PixRunConfig
            {
                NoteDrop = result.GetValue(noteDrop), BarChance = result.GetValue(barChance), L1Weight = result.GetValue(l1), Threshold = result.GetValue(threshold),
                ValidationFraction = result.GetValue(fraction), Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch),
                LearningRate = result.GetValue(common.LearningRate), Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            // Every option value is checked before any data is read.
            options.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            // A resumed run reads its data as it was split and makes its facades as it did.
            var checkpoint = Path.Combine(run, Training.Runs.RunFolder.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? Pix2PixTrainer.ReadRunConfig(checkpoint) : options;
            using var data = PianoRollDataset.Open(source, split.ValidationFraction, split.Seed, ProgressLine.ForStderr(invocation.Error).Report);
            foreach (var s in data.Manifest.Skipped) invocation.Error.WriteLine($"skipped: {s.Path}: {s.Reason}");
            var printer = common.StartTorch(result);
            printer.LossLabel = "D";
            printer.ValidationLabel = "G";
            var facades = new FacadeMaker(split.NoteDrop, split.BarChance);
            var metrics = Pix2PixTrainer.Train(new Pix2PixBatches(data.Train, split.Seed, facades), new Pix2PixBatches(data.Validation, split.Seed, facades),
                Pix2PixTrainer.NewRunConfig(source, options), run, result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            string Number(double? value) => value is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: pix2pix U-Net ({metrics.GeneratorParameters:N0} parameters), PatchGAN discriminator ({metrics.DiscriminatorParameters:N0}), step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: train: {metrics.TrainClips} crops of 16 beats; validation: {metrics.ValidationClips} crops (not trained on)"));
            invocation.Output.WriteLine($"discriminator loss: {Number(metrics.DiscriminatorLoss)}; generator loss: {Number(metrics.GeneratorLoss)}");
            if (metrics.History is [.., var last])
            {
                invocation.Output.WriteLine($"L1: {Number(last.L1)}");
                if (last.FillF1 is not null)
                    invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"held-out fill (cells, threshold {metrics.Config.Threshold}): precision {Number(last.FillPrecision)}, recall {Number(last.FillRecall)}, F1 {Number(last.FillF1)}; whole roll F1 {Number(last.FilledF1)} filled vs {Number(last.FacadeF1)} facade alone"));
            }
            return 0;
        });
        return command;
    }
}
