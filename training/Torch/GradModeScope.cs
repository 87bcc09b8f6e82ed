using Euterpe.Training.Torch.Native;

namespace Euterpe.Training.Torch;

/// <summary>Sets libtorch's (thread-local) gradient mode and restores the previous one when disposed.</summary>
public readonly struct GradModeScope : IDisposable
{
    private readonly bool previous;

    internal GradModeScope(bool enabled)
    {
        TorchLibrary.EnsureLoaded();
        previous = TorchException.Check(NativeAutograd.EtAutograd_set_grad_enabled(enabled ? 1 : 0)) != 0;
    }

    public void Dispose() => NativeAutograd.EtAutograd_set_grad_enabled(previous ? 1 : 0);
}
