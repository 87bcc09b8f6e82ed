using System.CommandLine;
using System.Globalization;
using Euterpe.Core.Families.Refine;
using Euterpe.Training.Families.Refine;

namespace Euterpe.Cli.Commands;

/// <summary>
/// <c>euterpe train refine-duration</c> and <c>euterpe train refine-velocity</c>: the refine nets, LSTMs trained by
/// regression on every pitched part of a folder of music files, to restore stretched timing or to give notes velocities.
/// </summary>
internal static class TrainRefineCommand
{
    public static Command Create(RefineNetKind kind)
    {
        var defaults = new RefineRunConfig { Family = kind.Family() };
        var common = new TrainOptions("A folder of music files (the nets need each note's own timing and velocity; a prepared cache does not keep them).", defaults.Batch,
            "Notes per training window.", defaults.Length, "Adam learning rate.", defaults.LearningRate, "Seed of the initial weights, the split, the windows and the stretches.");
        var hidden = new Option<int>("--hidden") { Description = "LSTM units.", DefaultValueFactory = _ => defaults.Hidden };
        var layers = new Option<int>("--layers") { Description = "LSTM layers.", DefaultValueFactory = _ => defaults.Layers };
        var stretch = new Option<double>("--stretch")
        {
            Description = "Each note's length and each onset gap is stretched by a factor drawn from 1 ± this before the net sees it (the source's 80–120 %: 0.2).",
            DefaultValueFactory = _ => defaults.Stretch,
        };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files, on which the net is measured.", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = kind == RefineNetKind.Duration
            ? new Command(RefineNetKinds.DurationFamily,
                "Train the duration refine net: an LSTM that reads each note (pitch, length, gap to the next onset) of parts whose lengths and gaps were " +
                "stretched independently by 1 ± --stretch, and restores them. Reports the held-out length and gap errors before and after.")
            : new Command(RefineNetKinds.VelocityFamily,
                "Train the velocity refine net: an LSTM that gives each note of a part a velocity from its pitch and timing (place in the beat and bar, " +
                "chord, highest voice, height in the part). Reports the held-out correlation with the real velocities.");
        Option[] own = kind == RefineNetKind.Duration ? [hidden, layers, stretch, fraction] : [hidden, layers, fraction];
        common.AddTo(command, own);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = new RefineRunConfig
            {
                Family = kind.Family(), Hidden = result.GetValue(hidden), Layers = result.GetValue(layers), Length = result.GetValue(common.SequenceLength),
                Stretch = kind == RefineNetKind.Duration ? result.GetValue(stretch) : 0, ValidationFraction = result.GetValue(fraction),
                Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch), LearningRate = result.GetValue(common.LearningRate),
                Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            // Every option value is checked before any data is read.
            options.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            // A resumed run reads its data as it was split: with its own seed and fraction.
            var checkpoint = Path.Combine(run, RefineTrainer.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? RefineTrainer.ReadRunConfig(checkpoint) : options;
            var corpus = RefineCorpus.Load(source, split.ValidationFraction, split.Seed, (file, reason) => invocation.Error.WriteLine($"skipped: {file}: {reason}"));
            var printer = common.StartTorch(result);
            var metrics = RefineTrainer.Train(corpus, RefineTrainer.NewRunConfig(source, options), run, result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: {metrics.Config.Family} {metrics.Config.Layers}×{metrics.Config.Hidden} LSTM ({metrics.Parameters:N0} parameters), step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: train: {metrics.TrainFiles} files, {metrics.TrainParts} parts, {metrics.TrainNotes} notes; held out: {metrics.ValidationFiles} files, {metrics.ValidationParts} parts"));
            invocation.Output.WriteLine(Describe(metrics.Measures));
            return 0;
        });
        return command;
    }

    /// <summary>The held-out measures as one line.</summary>
    public static string Describe(RefineMeasures? m)
    {
        if (m is null) return "held out: not measured (no held-out part)";
        string F(double? v, string format = "0.000") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "n/a";
        return m.VelocityCorrelation is not null || m.VelocityMeanAbsoluteError is not null
            ? $"held out ({m.Parts} parts, {m.Notes} notes): velocity correlation {F(m.VelocityCorrelation)} pooled, {F(m.VelocityCorrelationWithinParts)} within parts, over {m.VariedParts} parts whose velocities vary; " +
              $"mean absolute error {F(m.VelocityMeanAbsoluteError, "0.0")} (each part's own mean velocity: {F(m.PartMeanVelocityError, "0.0")})"
            : $"held out ({m.Parts} parts, {m.Notes} notes): length error |log2| {F(m.StretchedLengthError)} stretched → {F(m.RefinedLengthError)} refined; " +
              $"within 5 %: {F(m.StretchedLengthsWithin5)} → {F(m.RefinedLengthsWithin5)}; gap error {F(m.StretchedGapError)} → {F(m.RefinedGapError)}";
    }
}
