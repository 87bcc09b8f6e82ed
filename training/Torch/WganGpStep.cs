using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Torch;

/// <summary>
/// One WGAN-GP training step, as the iwgan, dcrnn and multi-track trainers take it: <c>n</c> critic steps, each on its
/// own real batch, minimising mean score(fake) − mean score(real) + λ·<see cref="GradientPenalty"/>, then one generator
/// step minimising −mean score(fake), conditioned (for a conditional model) on the last critic step's condition: real
/// conditions, not arbitrary ones. The caller seeds torch before each step; each critic step draws z then ε, the
/// generator step z, so a resumed run draws what an uninterrupted one would. It also keeps what a loss point reports
/// (<see cref="TakePoint"/>).
/// </summary>
public sealed class WganGpStep : IDisposable
{
    // Scalars alive through every step (a temporary one can be freed while libtorch reads it; see GcSafeAdam).
    private readonly Scalar _threshold, _penaltyWeight;
    private readonly int _criticSteps;
    private readonly long[] _epsilonShape;
    private readonly Device _device;
    private double _generatorLoss, _realScore, _fakeScore, _realOn, _fakeOn;
    private int _steps;

    /// <param name="threshold">A cell above it sounds: the point's shares of sounding cells count those.</param>
    /// <param name="penaltyWeight">λ.</param>
    /// <param name="epsilonShape">The interpolation weights' shape: the batch, then a 1 for each other dimension of a clip.</param>
    public WganGpStep(int criticSteps, double threshold, double penaltyWeight, long[] epsilonShape, Device device)
    {
        _criticSteps = criticSteps;
        _threshold = threshold.ToScalar();
        _penaltyWeight = penaltyWeight.ToScalar();
        _epsilonShape = epsilonShape;
        _device = device;
    }

    /// <param name="realBatch">Critic step k's real clips and their condition (null for an unconditional model).</param>
    /// <param name="generate">Clips from fresh z (drawn inside) under a condition.</param>
    /// <param name="score">The critic's score of each clip under a condition.</param>
    /// <returns>The critic's loss, averaged over its steps.</returns>
    public double Run(Func<int, (Tensor Real, Tensor? Condition)> realBatch, Func<Tensor?, Tensor> generate, Func<Tensor, Tensor?, Tensor> score,
        optim.Optimizer criticOptimizer, optim.Optimizer generatorOptimizer)
    {
        double criticLoss = 0;
        Tensor? lastCondition = null;
        for (var k = 0; k < _criticSteps; k++)
        {
            using var scope = torch.NewDisposeScope();
            var (real, condition) = realBatch(k);
            Tensor fake;
            using (torch.no_grad()) fake = generate(condition);
            var realScores = score(real, condition);
            var fakeScores = score(fake, condition);
            var penalty = GradientPenalty.Of(x => score(x, condition), real, fake, torch.rand(_epsilonShape).to(_device));
            var loss = (fakeScores.mean() - realScores.mean()).Plus(penalty.mul(_penaltyWeight));
            criticOptimizer.zero_grad();
            loss.backward();
            criticOptimizer.step();
            criticLoss += loss.item<float>() / _criticSteps;
            if (k < _criticSteps - 1) continue;
            _realScore += realScores.mean().item<float>();
            _fakeScore += fakeScores.mean().item<float>();
            _realOn = real.gt(_threshold).to(ScalarType.Float32).mean().item<float>();
            _fakeOn = fake.gt(_threshold).to(ScalarType.Float32).mean().item<float>();
            lastCondition = condition?.detach().MoveToOuterDisposeScope();
        }
        using (torch.NewDisposeScope())
        {
            var loss = -score(generate(lastCondition), lastCondition).mean();
            generatorOptimizer.zero_grad();
            loss.backward();
            generatorOptimizer.step();
            _generatorLoss += loss.item<float>();
        }
        lastCondition?.Dispose();
        _steps++;
        return criticLoss;
    }

    /// <summary>
    /// The generator's mean loss and the mean scores of real and generated clips over the steps since the last point,
    /// and the last real and generated batches' shares of sounding cells; then starts the next point's means.
    /// </summary>
    public (double GeneratorLoss, double RealScore, double FakeScore, double RealOn, double FakeOn) TakePoint()
    {
        var n = Math.Max(1, _steps);
        var point = (_generatorLoss / n, _realScore / n, _fakeScore / n, _realOn, _fakeOn);
        (_generatorLoss, _realScore, _fakeScore, _steps) = (0, 0, 0, 0);
        return point;
    }

    public void Dispose()
    {
        _threshold.Dispose();
        _penaltyWeight.Dispose();
    }
}
