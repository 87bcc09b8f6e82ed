namespace Euterpe.Core.Inference;

/// <summary>
/// A session with its inputs and outputs bound once (OrtIoBinding) to caller-owned tensors. <see cref="Run"/> reads the
/// input buffers and writes the output buffers in place and allocates nothing managed: the steady-state step of a generator.
/// Not thread-safe: one bound run per thread.
/// </summary>
public sealed unsafe class BoundRun : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtApiTable _api;
    private readonly OrtHandle _binding;
    private readonly nint _sessionPointer;
    private readonly nint _bindingPointer;
    private readonly List<SafeHandleLease> _leases = [];

    internal BoundRun(InferenceSession session, Dictionary<string, OrtTensor> inputs, Dictionary<string, OrtTensor> outputs)
    {
        _session = session;
        _api = session.Api;
        Inputs = inputs;
        Outputs = outputs;
        // Hold the session and every bound tensor open while the binding refers to them, even if their owners dispose first.
        _leases.Add(new SafeHandleLease(session.Handle));
        foreach (var t in inputs.Values.Concat(outputs.Values)) _leases.Add(new SafeHandleLease(t.Handle));
        nint binding;
        _api.Check(_api.CreateIoBinding(session.Pointer, &binding));
        _binding = new OrtHandle(_api, OrtObjectKind.IoBinding, binding);
        foreach (var (name, tensor) in inputs)
        {
            fixed (byte* n = InferenceSession.Utf8(name)) _api.Check(_api.BindInput(binding, n, tensor.ValuePointer));
        }
        foreach (var (name, tensor) in outputs)
        {
            fixed (byte* n = InferenceSession.Utf8(name)) _api.Check(_api.BindOutput(binding, n, tensor.ValuePointer));
        }
        _sessionPointer = session.Pointer;
        _bindingPointer = binding;
    }

    public IReadOnlyDictionary<string, OrtTensor> Inputs { get; }

    public IReadOnlyDictionary<string, OrtTensor> Outputs { get; }

    /// <summary>Runs the model once over the bound buffers.</summary>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_binding.IsClosed, this);
        _api.Check(_api.RunWithBinding(_sessionPointer, 0, _bindingPointer));
    }

    /// <summary>Releases the binding; the session and tensors stay with their owners.</summary>
    public void Dispose()
    {
        if (_binding.IsClosed) return;
        _binding.Dispose();
        foreach (var lease in _leases) lease.Dispose();
        GC.KeepAlive(_session);
    }
}
