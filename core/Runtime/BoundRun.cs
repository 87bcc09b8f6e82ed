using Ort = Microsoft.ML.OnnxRuntime;

namespace Euterpe.Core.Runtime;

/// <summary>
/// A session with its inputs and outputs bound once (OrtIoBinding) to caller-owned tensors. <see cref="Run"/> reads the
/// input buffers and writes the output buffers in place and allocates nothing managed (RunWithBinding over OrtValues
/// made once): the steady-state step of a generator. It keeps the session and the tensors' memory alive until it is
/// disposed, even if their owners dispose first. Not thread-safe: one bound run per thread.
/// </summary>
public sealed class BoundRun : IDisposable
{
    private readonly InferenceSession _session;
    private readonly Ort.InferenceSession _native;
    private readonly Ort.RunOptions _runOptions;
    private readonly Ort.OrtIoBinding _binding;
    private readonly List<Ort.OrtValue> _values = [];
    private readonly List<SharedLifetime> _held = [];
    private bool _disposed;

    internal BoundRun(InferenceSession session, Dictionary<string, OrtTensor> inputs, Dictionary<string, OrtTensor> outputs)
    {
        _session = session;
        _native = session.Native;
        Inputs = inputs;
        Outputs = outputs;
        _runOptions = new Ort.RunOptions();
        try
        {
            Hold(session.Lifetime, session);
            foreach (var tensor in inputs.Values.Concat(outputs.Values)) Hold(tensor.Lifetime, tensor);
            _binding = _native.CreateIoBinding();
            foreach (var (name, tensor) in inputs) _binding.BindInput(name, Value(tensor));
            foreach (var (name, tensor) in outputs) _binding.BindOutput(name, Value(tensor));
        }
        catch (Ort.OnnxRuntimeException ex)
        {
            Dispose();
            throw new OnnxRuntimeException(session.Source, ex);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyDictionary<string, OrtTensor> Inputs { get; }

    public IReadOnlyDictionary<string, OrtTensor> Outputs { get; }

    /// <summary>Runs the model once over the bound buffers.</summary>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _native.RunWithBinding(_runOptions, _binding);
        }
        catch (Ort.OnnxRuntimeException ex)
        {
            throw new OnnxRuntimeException(_session.Source, ex);
        }
    }

    /// <summary>Releases the binding and its values, then lets go of the session and the tensors' memory.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _binding?.Dispose();
        foreach (var value in _values) value.Dispose();
        _runOptions.Dispose();
        foreach (var lifetime in _held) lifetime.Release();
    }

    private void Hold(SharedLifetime lifetime, object owner)
    {
        if (!lifetime.TryAcquire()) throw new ObjectDisposedException(owner.GetType().Name);
        _held.Add(lifetime);
    }

    private Ort.OrtValue Value(OrtTensor tensor)
    {
        var value = tensor.CreateValue();
        _values.Add(value);
        return value;
    }
}
