using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Runs;

/// <summary>
/// The bookkeeping every trainer does around its own optimizer step: steps from where a resumed run stopped to the
/// total, the mean training loss since the last validation, validation and checkpoints on their schedules (and always
/// at the last step), steps per second, ETA and the progress report. The family supplies the step, the validation and
/// what a checkpoint writes.
/// </summary>
public sealed class TrainingLoop
{
    private readonly long _steps;
    private readonly int _validationEvery;
    private readonly int _checkpointEvery;

    /// <param name="history">The loss curve so far (a resumed run's points up to <paramref name="startStep"/>); the loop appends to it.</param>
    public TrainingLoop(long startStep, long steps, int validationEvery, int checkpointEvery, List<LossPoint> history)
    {
        StartStep = startStep;
        _steps = steps;
        _validationEvery = Math.Max(1, validationEvery);
        _checkpointEvery = Math.Max(1, checkpointEvery);
        History = history;
        LastValidation = history.LastOrDefault(p => p.ValidationLoss.HasValue)?.ValidationLoss;
        LastTrainLoss = history.Count > 0 ? history[^1].TrainLoss : double.NaN;
    }

    public long StartStep { get; }
    public List<LossPoint> History { get; }

    /// <summary>Mean training loss over the steps before the last validation (NaN before the first).</summary>
    public double LastTrainLoss { get; private set; }

    public double? LastValidation { get; private set; }

    /// <summary>Steps per second of this session's steps (0 before the first).</summary>
    public double StepsPerSecond { get; private set; }

    /// <summary>True when the run had already reached its total: nothing was trained.</summary>
    public bool NothingToDo => StartStep >= _steps;

    /// <summary>One optimizer step on <paramref name="loss"/>: zero the gradients, backpropagate, clip their norm, step. Returns the loss.</summary>
    public static double Optimize(Tensor loss, nn.Module model, optim.Optimizer optimizer, double clipNorm)
    {
        optimizer.zero_grad();
        loss.backward();
        torch.nn.utils.clip_grad_norm_(model.parameters(), clipNorm);
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>
    /// Runs the remaining steps. <paramref name="step"/> trains one step and returns its loss; <paramref name="validate"/>
    /// returns the validation loss or null when there is nothing held out; <paramref name="checkpoint"/> saves the run at a step.
    /// </summary>
    public void Run(Func<long, double> step, Func<double?> validate, Action<long> checkpoint, Action<TrainingProgress>? progress)
    {
        double lossSum = 0;
        var lossCount = 0;
        var clock = Stopwatch.StartNew();
        for (var s = StartStep + 1; s <= _steps; s++)
        {
            lossSum += step(s);
            lossCount++;
            StepsPerSecond = (s - StartStep) / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
            var saves = s % _checkpointEvery == 0 || s == _steps;
            if (s % _validationEvery == 0 || s == _steps)
            {
                LastTrainLoss = lossSum / lossCount;
                (lossSum, lossCount) = (0, 0);
                var measured = validate();
                if (measured is not null) LastValidation = measured;
                History.Add(new LossPoint(s, LastTrainLoss, measured));
            }
            if (saves) checkpoint(s);
            var eta = TimeSpan.FromSeconds((_steps - s) / Math.Max(1e-9, StepsPerSecond));
            progress?.Invoke(new TrainingProgress(s, _steps, lossCount > 0 ? lossSum / lossCount : LastTrainLoss, LastValidation, StepsPerSecond, eta, saves));
        }
    }
}
