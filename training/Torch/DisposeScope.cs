namespace Euterpe.Training.Torch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost scope and disposes them when it ends,
/// so a training step frees its intermediates deterministically instead of waiting for the GC.
/// Tensors that must outlive the scope are moved out with <see cref="Tensor.MoveToOuterDisposeScope"/> or
/// <see cref="Tensor.DetachFromDisposeScope"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;
    private readonly HashSet<Tensor> tensors = new(ReferenceEqualityComparer.Instance);
    private readonly DisposeScope? outer;
    private bool disposed;

    internal DisposeScope()
    {
        outer = current;
        current = this;
    }

    internal static DisposeScope? Current => current;

    internal DisposeScope? Outer => outer;

    /// <summary>Tensors this scope will dispose.</summary>
    public int Count => tensors.Count;

    internal void Add(Tensor t) => tensors.Add(t);

    internal bool Remove(Tensor t) => tensors.Remove(t);

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        // Scopes end innermost first; if an inner one was leaked, unwind past it too.
        if (current == this) current = outer;
        foreach (var t in tensors) t.DisposeFromScope();
        tensors.Clear();
    }
}
