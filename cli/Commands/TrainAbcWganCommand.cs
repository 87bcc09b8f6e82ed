using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Families.AbcWgan;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train abc-wgan</c>: train the ABC-text GRU WGAN (WGAN-GP, curriculum, teacher help) on a folder of music files.</summary>
internal static class TrainAbcWganCommand
{
    public static Command Create()
    {
        var defaults = new AbcWganRunConfig();
        var common = new TrainOptions("A folder of music files (MIDI, ABC): each piece's melody as an ABC body.", defaults.Batch,
            null, defaults.MaxLength, "Adam learning rate (β 0.5, 0.9) of both networks.", defaults.LearningRate,
            "Seed of the initial weights, the split, the windows and the noise.");
        var hidden = new Option<int>("--hidden") { Description = "GRU units of the generator (and the size of its noise z).", DefaultValueFactory = _ => defaults.Hidden };
        var criticHidden = new Option<int>("--critic-hidden") { Description = "GRU units of the critic.", DefaultValueFactory = _ => defaults.CriticHidden };
        var embedding = new Option<int>("--embedding") { Description = "Width of the generator's character embedding.", DefaultValueFactory = _ => defaults.Embedding };
        var maxLength = new Option<int>("--max-length") { Description = "Longest sequence trained, in characters.", DefaultValueFactory = _ => defaults.MaxLength };
        var curriculum = new Option<int>("--curriculum")
        {
            Description = "Generator steps per length increase (length 1, then +1 up to --max-length); 0 trains the full length from the start.",
            DefaultValueFactory = _ => defaults.Curriculum,
        };
        var criticSteps = new Option<int>("--critic-steps") { Description = "Critic steps per generator step.", DefaultValueFactory = _ => defaults.CriticSteps };
        var teacher = new Option<double>("--teacher")
        {
            Description = "Fraction of each batch written with teacher help (i−1 real characters, the generator's i-th); the rest is the generator's own text.",
            DefaultValueFactory = _ => defaults.TeacherFraction,
        };
        var lambda = new Option<double>("--lambda") { Description = "Weight of the gradient penalty.", DefaultValueFactory = _ => defaults.GradientPenalty };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files.", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = new Command("abc-wgan",
            "Train the ABC-text GRU WGAN: a GRU generator started from noise, feeding back its own character distribution, against a GRU critic; " +
            "Wasserstein loss with gradient penalty, a length curriculum and teacher help. Reports the critic's and generator's losses and the Wasserstein estimate.");
        common.AddTo(command, [hidden, criticHidden, embedding, maxLength, curriculum, criticSteps, teacher, lambda, fraction]);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = new AbcWganRunConfig
            {
                Hidden = result.GetValue(hidden), CriticHidden = result.GetValue(criticHidden), Embedding = result.GetValue(embedding),
                MaxLength = result.GetValue(maxLength), Curriculum = result.GetValue(curriculum), CriticSteps = result.GetValue(criticSteps),
                TeacherFraction = result.GetValue(teacher), GradientPenalty = result.GetValue(lambda), ValidationFraction = result.GetValue(fraction),
                Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch), LearningRate = result.GetValue(common.LearningRate),
                Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            // Every option value is checked before any data is read.
            options.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            // A resumed run reads its data as it was split: with its own seed, fraction and length.
            var checkpoint = Path.Combine(run, AbcWganTrainer.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? AbcWganTrainer.ReadRunConfig(checkpoint) : options;
            var (train, validation, files) = AbcWindows.Load(source, split.MaxLength, split.ValidationFraction, split.Seed, invocation.Error.WriteLine);
            var printer = common.StartTorch(result);
            printer.LossLabel = "D";
            printer.ValidationLabel = "G";
            var metrics = AbcWganTrainer.Train(train, validation, AbcWganTrainer.NewRunConfig(source, options), run, result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            string Number(double? value) => value is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: abc-wgan generator {metrics.Config.Hidden} units ({metrics.GeneratorParameters:N0} parameters), critic {metrics.Config.CriticHidden} units ({metrics.CriticParameters:N0}), step {metrics.Step}, length {metrics.Length}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: {files} files; train: {metrics.TrainPieces} pieces, {metrics.TrainWindows} windows; validation: {metrics.ValidationPieces} pieces"));
            invocation.Output.WriteLine($"critic loss: {Number(metrics.CriticLoss)}; generator loss: {Number(metrics.GeneratorLoss)}; Wasserstein estimate: {Number(metrics.Wasserstein)} (validation {Number(metrics.ValidationWasserstein)})");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"character BLEU of {AbcWganBleu.Samples} samples of {metrics.Config.MaxLength} characters against the training windows: {Number(metrics.Bleu)}"));
            return 0;
        });
        return command;
    }
}
