using System.CommandLine;

namespace Euterpe.Cli.Commands;

/// <summary>
/// The options every `train` family shares (data, run folder, schedule, optimiser basics, device, resume), with the
/// family's own defaults; the family adds its model options between --out and --steps.
/// </summary>
internal sealed class TrainOptions
{
    public TrainOptions(string dataDescription, int batch, string windowDescription, int window, string lrDescription, double lr, string seedDescription)
    {
        Data = new Option<string>("--data") { Description = dataDescription, Required = true };
        Output = new Option<string>("--out") { Description = "Run folder: checkpoint.safetensors, metrics.json, loss.svg.", Required = true };
        Steps = new Option<long>("--steps") { Description = "Total optimizer steps (with --resume: the new total).", DefaultValueFactory = _ => 1000 };
        Batch = new Option<int>("--batch") { Description = "Windows per step.", DefaultValueFactory = _ => batch };
        SequenceLength = new Option<int>("--seq-len") { Description = windowDescription, DefaultValueFactory = _ => window };
        LearningRate = new Option<double>("--lr") { Description = lrDescription, DefaultValueFactory = _ => lr };
        Seed = new Option<ulong>("--seed") { Description = seedDescription, DefaultValueFactory = _ => 0 };
        Device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        Resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoint." };
        ValidateEvery = new Option<int>("--validate-every") { Description = "Steps between validation measurements.", DefaultValueFactory = _ => 100 };
        CheckpointEvery = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints.", DefaultValueFactory = _ => 100 };
    }

    public Option<string> Data { get; }
    public Option<string> Output { get; }
    public Option<long> Steps { get; }
    public Option<int> Batch { get; }
    public Option<int> SequenceLength { get; }
    public Option<double> LearningRate { get; }
    public Option<ulong> Seed { get; }
    public Option<string> Device { get; }
    public Option<bool> Resume { get; }
    public Option<int> ValidateEvery { get; }
    public Option<int> CheckpointEvery { get; }

    /// <summary>Adds the shared options to <paramref name="command"/>, the family's <paramref name="model"/> options after --out and its <paramref name="extra"/> ones last.</summary>
    public void AddTo(Command command, Option[] model, params Option[] extra)
    {
        Option[] all = [Data, Output, .. model, Steps, Batch, SequenceLength, LearningRate, Seed, Device, Resume, ValidateEvery, CheckpointEvery, .. extra];
        foreach (var o in all) command.Options.Add(o);
    }

    /// <summary>The live progress line: redrawn on a terminal, one line per checkpoint otherwise.</summary>
    public static TrainingProgressPrinter Printer(InvocationConfiguration invocation) =>
        new(invocation.Error, ReferenceEquals(invocation.Error, Console.Error) && !Console.IsErrorRedirected);
}
