namespace Euterpe.Core.Runtime;

/// <summary>
/// How a session is set up. Defaults suit small recurrent models stepped one token at a time: one intra-op thread,
/// no spinning (so an idle generator does not burn a core), every graph optimisation, CPU.
/// </summary>
public sealed record InferenceOptions
{
    public static InferenceOptions Default { get; } = new();

    /// <summary>Threads used inside one operator; 0 lets ONNX Runtime choose (one per core).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Whether idle thread-pool workers spin waiting for work (session.intra_op.allow_spinning).</summary>
    public bool AllowSpinning { get; init; }

    public GraphOptimization Optimization { get; init; } = GraphOptimization.All;

    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    public int CudaDeviceId { get; init; }
}
