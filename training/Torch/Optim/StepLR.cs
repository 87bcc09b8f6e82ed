namespace Euterpe.Training.Torch.Optim;

/// <summary>Multiplies the learning rate by <c>gamma</c> every <c>stepSize</c> calls of <see cref="step"/> (PyTorch's StepLR).</summary>
public sealed class StepLR
{
    private readonly Optimizer optimizer;
    private readonly int stepSize;
    private readonly double gamma, baseLr;

    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1)
    {
        if (stepSize < 1) throw new TorchException($"StepLR: step_size must be at least 1, got {stepSize}");
        (this.optimizer, this.stepSize, this.gamma, baseLr) = (optimizer, stepSize, gamma, optimizer.LearningRate);
    }

    public int LastEpoch { get; private set; }

    public void step()
    {
        LastEpoch++;
        optimizer.LearningRate = baseLr * Math.Pow(gamma, LastEpoch / stepSize);
    }
}
