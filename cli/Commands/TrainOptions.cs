using System.CommandLine;
using Euterpe.Training.Torch;

namespace Euterpe.Cli.Commands;

/// <summary>
/// The options every `train` family shares (data, run folder, schedule, optimiser basics, device, threads, resume), with the
/// family's own defaults; the family adds its model options between --out and --steps.
/// </summary>
internal sealed class TrainOptions
{
    /// <param name="windowDescription">What --seq-len means to the family; null for a family without it (no --seq-len).</param>
    public TrainOptions(string dataDescription, int batch, string? windowDescription, int window, string lrDescription, double lr, string seedDescription)
    {
        Data = new Option<string>("--data") { Description = dataDescription, Required = true };
        Output = new Option<string>("--out") { Description = "Run folder: checkpoint.safetensors, metrics.json, loss.svg.", Required = true };
        Steps = new Option<long>("--steps") { Description = "Total optimizer steps (with --resume: the new total).", DefaultValueFactory = _ => 1000 };
        Batch = new Option<int>("--batch") { Description = "Windows per step.", DefaultValueFactory = _ => batch };
        SequenceLength = new Option<int>("--seq-len") { Description = windowDescription, DefaultValueFactory = _ => window };
        LearningRate = new Option<double>("--lr") { Description = lrDescription, DefaultValueFactory = _ => lr };
        Seed = new Option<ulong>("--seed") { Description = seedDescription, DefaultValueFactory = _ => 0 };
        Device = new Option<string>("--device") { Description = "cpu or cuda (cuda needs a build with EUTERPE_LIBTORCH set to a CUDA libtorch 2.10).", DefaultValueFactory = _ => "cpu" };
        Threads = new Option<int>("--threads") { Description = "libtorch's threads; default: $OMP_NUM_THREADS, else every processor this process may use." };
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
    public Option<int> Threads { get; }
    public Option<bool> Resume { get; }
    public Option<int> ValidateEvery { get; }
    public Option<int> CheckpointEvery { get; }

    /// <summary>Adds the shared options to <paramref name="command"/>, the family's <paramref name="model"/> options after --out and its <paramref name="extra"/> ones last.</summary>
    public void AddTo(Command command, Option[] model, params Option[] extra)
    {
        Option[] window = SequenceLength.Description is null ? [] : [SequenceLength];
        Option[] all = [Data, Output, .. model, Steps, Batch, .. window, LearningRate, Seed, Device, Threads, Resume, ValidateEvery, CheckpointEvery, .. extra];
        foreach (var o in all) command.Options.Add(o);
    }

    /// <summary>The --threads value, refused when negative: call before any data is read.</summary>
    public int CheckThreads(ParseResult result)
    {
        var requested = result.GetValue(Threads);
        if (requested < 0) throw new Core.EuterpeException($"--threads {requested}: must be positive (or 0 for the default)");
        return requested;
    }

    /// <summary>
    /// Starts libtorch with the requested threads (refusing a negative count) and returns the live progress line:
    /// redrawn on a terminal, one line per checkpoint otherwise, headed by what the run computes on.
    /// </summary>
    public TrainingProgressPrinter StartTorch(ParseResult result)
    {
        var requested = CheckThreads(result);
        var threads = TorchRuntime.SetThreads(requested);
        var invocation = result.InvocationConfiguration;
        return new(invocation.Error, ReferenceEquals(invocation.Error, Console.Error) && !Console.IsErrorRedirected)
        {
            Header = $"libtorch {TorchSharp.torch.__version__} (TorchSharp): {threads} thread{(threads == 1 ? "" : "s")}, device {result.GetValue(Device)}",
        };
    }
}
