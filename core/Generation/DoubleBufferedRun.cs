using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;
namespace Euterpe.Core.Generation;

/// <summary>
/// A bound run whose recurrent state lives in two buffer sets bound crosswise: run A reads set 0 and writes set 1,
/// run B reads set 1 and writes set 0. Alternating them carries the state with no copy and no allocation.
/// Without state it is a single bound run.
/// </summary>
internal sealed unsafe class DoubleBufferedRun : IDisposable
{
    private readonly BoundRun[] _runs;
    private readonly OrtTensor[] _stateBuffers;
    private int _current;

    public DoubleBufferedRun(InferenceSession session, Dictionary<string, OrtTensor> inputs, Dictionary<string, OrtTensor> outputs, IReadOnlyList<StateSlot> state)
    {
        _stateBuffers = new OrtTensor[state.Count * 2];
        try
        {
            for (var i = 0; i < state.Count; i++)
            {
                var bytes = checked((int)state[i].Shape.Aggregate(1L, (a, d) => a * d) * TensorElementTypes.SizeOf(state[i].ElementType));
                _stateBuffers[2 * i] = OrtTensor.WrapBytes(state[i].ElementType, new byte[bytes], state[i].Shape);
                _stateBuffers[2 * i + 1] = OrtTensor.WrapBytes(state[i].ElementType, new byte[bytes], state[i].Shape);
            }
            _runs = new BoundRun[state.Count == 0 ? 1 : 2];
            for (var r = 0; r < _runs.Length; r++)
            {
                var runInputs = new Dictionary<string, OrtTensor>(inputs);
                var runOutputs = new Dictionary<string, OrtTensor>(outputs);
                for (var i = 0; i < state.Count; i++)
                {
                    runInputs[state[i].Input] = _stateBuffers[2 * i + r];
                    runOutputs[state[i].Output] = _stateBuffers[2 * i + 1 - r];
                }
                _runs[r] = session.Bind(runInputs, runOutputs);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Runs one step; the state it wrote becomes the state the next step reads.</summary>
    public void Run()
    {
        _runs[_current].Run();
        _current = (_current + 1) % _runs.Length;
    }

    /// <summary>Zeroes the state: the initial state of the usual recurrent cells.</summary>
    public void ResetState()
    {
        foreach (var buffer in _stateBuffers) new Span<byte>((void*)buffer.Data, buffer.ByteLength).Clear();
        _current = 0;
    }

    /// <summary>The bytes of state slot <paramref name="slot"/> that the next <see cref="Run"/> reads: where a starting state other than zeros goes.</summary>
    public Span<byte> NextState(int slot)
    {
        var buffer = _stateBuffers[2 * slot + _current];
        return new Span<byte>((void*)buffer.Data, buffer.ByteLength);
    }

    public void Dispose()
    {
        if (_runs is not null)
            foreach (var run in _runs) run?.Dispose();
        foreach (var buffer in _stateBuffers) buffer?.Dispose();
    }
}
