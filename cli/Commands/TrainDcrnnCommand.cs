using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;
using Euterpe.Training.Families.Dcrnn;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train dcrnn</c>: the deconvolutional RNN (noise → theme structure → strip-convolved roll), trained with a WGAN-GP critic.</summary>
internal static class TrainDcrnnCommand
{
    public static Command Create()
    {
        var defaults = new DcrnnRunConfig();
        var common = new TrainOptions("A piano-roll cache (data prepare --encoding pianoroll) or a folder of music files; clips are read on a sixteenth grid.", defaults.Batch,
            null, 0, "Adam learning rate (β 0.5, 0.9) of the generator.", defaults.GeneratorLearningRate,
            "Seed of the initial weights, the split, the clips drawn and the noise.");
        var criticLr = new Option<double>("--critic-lr") { Description = "Adam learning rate (β 0.5, 0.9) of the critic.", DefaultValueFactory = _ => defaults.CriticLearningRate };
        var criticSteps = new Option<int>("--critic-steps") { Description = "Critic steps per generator step (n_critic), each on its own batch.", DefaultValueFactory = _ => defaults.CriticSteps };
        var penalty = new Option<double>("--penalty") { Description = "Weight λ of the gradient penalty.", DefaultValueFactory = _ => defaults.Penalty };
        var latent = new Option<int>("--latent") { Description = "Size of the noise z fed to RNN_a at every theme beat (at least 8: the plug-in's Latent knobs).", DefaultValueFactory = _ => defaults.Latent };
        var structure = new Option<int>("--structure") { Description = "Size of RNN_a's structure vector per beat.", DefaultValueFactory = _ => defaults.Structure };
        var structureHidden = new Option<int>("--structure-hidden") { Description = "Hidden size of RNN_a (GRU).", DefaultValueFactory = _ => defaults.StructureHidden };
        var noteHidden = new Option<int>("--note-hidden") { Description = "Hidden size of RNN_b (GRU).", DefaultValueFactory = _ => defaults.NoteHidden };
        var threshold = new Option<double>("--threshold") { Description = "The value above which a cell sounds: the exported preset's default, and the on-cell shares the run reports.", DefaultValueFactory = _ => defaults.Threshold };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only; a cache keeps its split).", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = new Command("dcrnn",
            "Train the DCRNN on piano rolls (16-beat clips on a sixteenth grid × 128 pitches): z and the clip's pitch-class histogram → RNN_a (a one-bar theme, " +
            "one structure vector per beat, repeated over four bars) → RNN_b → a strip transposed convolution across pitch; WGAN-GP critic (gradient penalty λ, n_critic critic steps per generator step).");
        common.AddTo(command, [latent, structure, structureHidden, noteHidden, threshold, criticSteps, penalty], criticLr, fraction);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = defaults with
            {
                Latent = result.GetValue(latent), Structure = result.GetValue(structure), StructureHidden = result.GetValue(structureHidden), NoteHidden = result.GetValue(noteHidden),
                Threshold = result.GetValue(threshold), CriticSteps = result.GetValue(criticSteps), Penalty = result.GetValue(penalty),
                ValidationFraction = result.GetValue(fraction), Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch),
                GeneratorLearningRate = result.GetValue(common.LearningRate), CriticLearningRate = result.GetValue(criticLr),
                Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            options.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            var checkpoint = Path.Combine(run, DcrnnTrainer.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? DcrnnTrainer.ReadRunConfig(checkpoint) : options;
            using var data = PianoRollDataset.Open(source, split.ValidationFraction, split.Seed, ProgressLine.ForStderr(invocation.Error).Report);
            foreach (var s in data.Manifest.Skipped) invocation.Error.WriteLine($"skipped: {s.Path}: {s.Reason}");
            var printer = common.StartTorch(result);
            printer.LossLabel = "D";
            printer.ValidationLabel = "G";
            var metrics = DcrnnTrainer.Train(new DcrnnBatches(data.Train, split.Seed), data.Validation.Count, DcrnnTrainer.NewRunConfig(source, options), run,
                result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            string Number(double? value) => value is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: dcrnn generator ({metrics.GeneratorParameters:N0} parameters), critic ({metrics.CriticParameters:N0}), step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: train: {metrics.TrainClips} clips of 16 beats; validation: {metrics.ValidationClips} clips (not trained on)"));
            invocation.Output.WriteLine($"critic loss: {Number(metrics.CriticLoss)}; generator loss: {Number(metrics.GeneratorLoss)}");
            if (metrics.History is [.., var last])
                invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"critic score real {last.RealScore:0.000}, generated {last.FakeScore:0.000}; cells above {metrics.Config.Threshold}: real {last.RealOnShare:0.0000}, generated {last.FakeOnShare:0.0000}"));
            return 0;
        });
        return command;
    }
}
