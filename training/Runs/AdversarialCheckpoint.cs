using Euterpe.Core;
using Euterpe.Training.Torch.Serialization;
using TorchSharp;

namespace Euterpe.Training.Runs;

/// <summary>
/// The checkpoint of a run that trains two networks against each other (the GAN families): RUN/checkpoint.safetensors
/// holds the whole model, the generator's optimiser, the step and the run config; a second file beside it holds the
/// opponent's (critic's or discriminator's) optimiser. Both are written at every checkpoint and must agree on the step.
/// </summary>
public sealed record AdversarialCheckpoint(string CheckpointPath, string OpponentPath, string OpponentName)
{
    public void Save(torch.nn.Module model, torch.optim.Optimizer generatorOptimizer, torch.nn.Module opponent, torch.optim.Optimizer opponentOptimizer,
        long step, string configJson)
    {
        TrainingCheckpoint.Save(OpponentPath, opponent, opponentOptimizer, step, configJson);
        TrainingCheckpoint.Save(CheckpointPath, model, generatorOptimizer, step, configJson);
    }

    /// <summary>
    /// A whole checkpoint of the run, as every GAN trainer writes one: both files, then metrics.json
    /// (<paramref name="saveMetrics"/> writes it into the folder) and loss.svg with the curve's two lines.
    /// </summary>
    public void SaveRun(string runFolder, torch.nn.Module model, torch.optim.Optimizer generatorOptimizer, torch.nn.Module opponent,
        torch.optim.Optimizer opponentOptimizer, long step, string configJson, Action<string> saveMetrics, IReadOnlyList<LossPoint> history,
        string curveTitle, string firstLine, string secondLine)
    {
        Save(model, generatorOptimizer, opponent, opponentOptimizer, step, configJson);
        saveMetrics(runFolder);
        AtomicFile.WriteAllText(Path.Combine(runFolder, RunFolder.LossCurveFileName), LossCurveSvg.Render(history, curveTitle, firstLine, secondLine, "loss"));
    }

    /// <summary>Loads both into the networks and optimisers; returns the step. One error line when the opponent's file is missing or from another step.</summary>
    public long Load(torch.nn.Module model, torch.optim.Optimizer generatorOptimizer, torch.nn.Module opponent, torch.optim.Optimizer opponentOptimizer)
    {
        var (step, _) = TrainingCheckpoint.Load(CheckpointPath, model, generatorOptimizer);
        if (!File.Exists(OpponentPath)) throw new EuterpeException($"{OpponentPath}: file not found (the {OpponentName}'s optimiser state)");
        var (opponentStep, _) = TrainingCheckpoint.Load(OpponentPath, opponent, opponentOptimizer);
        if (opponentStep != step) throw new EuterpeException($"{OpponentPath}: saved at step {opponentStep}, the checkpoint at step {step}");
        return step;
    }
}
