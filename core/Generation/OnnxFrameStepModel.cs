using System.Runtime.InteropServices;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;
namespace Euterpe.Core.Generation;

/// <summary>
/// An <see cref="IFrameStepModel"/> over an ONNX session described by a <see cref="FrameModelSignature"/>: the last
/// T frames in, the next frame out, recurrent state (if any) carried by double-buffered bindings. Steps allocate nothing.
/// </summary>
public sealed unsafe class OnnxFrameStepModel : IFrameStepModel
{
    private const string Kind = "frame model";
    private readonly InferenceSession _session;
    private readonly bool _ownsSession;
    private readonly OrtTensor _frames;
    private readonly OrtTensor _next;
    private readonly OrtTensor? _level;
    private readonly DoubleBufferedRun _run;

    public OnnxFrameStepModel(InferenceSession session, FrameModelSignature signature, bool ownsSession = false)
    {
        _session = session;
        _ownsSession = ownsSession;
        Signature = signature;
        var framesInfo = OnnxSignatureChecks.Input(session, Kind, "frames input", signature.FramesInput);
        if (framesInfo.ElementType != TensorElementType.Float || framesInfo.Shape.Length != 3 || framesInfo.Shape[0] is not (-1 or 1)
            || framesInfo.Shape[1] == 0 || framesInfo.Shape[2] <= 0)
            throw OnnxSignatureChecks.Mismatch(session, Kind, "frames input", framesInfo, "float[1, T, F] with a fixed frame size F");
        FrameSize = checked((int)framesInfo.Shape[2]);
        var declaredT = framesInfo.Shape[1];
        if (signature.ContextFrames is { } t)
        {
            if (t <= 0) throw new EuterpeException($"{session.Source}: {Kind} context of {t} frames must be at least 1");
            if (declaredT > 0 && declaredT != t)
                throw OnnxSignatureChecks.Mismatch(session, Kind, "frames input", framesInfo, $"float[1, {t}, F] for a context of {t} frames");
            ContextFrames = t;
        }
        else if (declaredT > 0) ContextFrames = checked((int)declaredT);
        else throw new EuterpeException($"{session.Source}: {Kind} frames input '{framesInfo.Name}' ({framesInfo}) leaves T symbolic; the signature must give the context length");

        OutputSize = signature.OutputSize ?? FrameSize;
        var nextInfo = OnnxSignatureChecks.Output(session, Kind, "next-frame output", signature.FrameOutput);
        if (nextInfo.ElementType != TensorElementType.Float
            || !(OnnxSignatureChecks.IsOnesThen(nextInfo, 1, out var size) || OnnxSignatureChecks.IsOnesThen(nextInfo, 2, out size)) || size != OutputSize)
            throw OnnxSignatureChecks.Mismatch(session, Kind, "next-frame output", nextInfo, $"float[1, {OutputSize}] or float[1, 1, {OutputSize}]");

        TensorInfo? levelInfo = null;
        if (signature.LevelOutput is { } levelName)
        {
            levelInfo = OnnxSignatureChecks.Output(session, Kind, "level output", levelName);
            if (levelInfo.ElementType != TensorElementType.Float || !OnnxSignatureChecks.IsOnesThen(levelInfo, 1, out var classes) || classes < 2)
                throw OnnxSignatureChecks.Mismatch(session, Kind, "level output", levelInfo, "float[1, classes] with at least 2 classes");
            LevelClasses = checked((int)classes);
        }

        var state = OnnxSignatureChecks.StatePairs(session, Kind, signature.State);
        var outputs = state.Select(s => s.Output).Append(signature.FrameOutput);
        if (signature.LevelOutput is { } level) outputs = outputs.Append(level);
        OnnxSignatureChecks.RequireRoles(session, Kind, state.Select(s => s.Input).Append(signature.FramesInput), outputs);
        _frames = OrtTensor.Create<float>(1, ContextFrames, FrameSize);
        _next = OrtTensor.Create<float>(OnnxSignatureChecks.Resolve(nextInfo));
        try
        {
            var bound = new Dictionary<string, OrtTensor> { [signature.FrameOutput] = _next };
            if (levelInfo is not null)
            {
                _level = OrtTensor.Create<float>(OnnxSignatureChecks.Resolve(levelInfo));
                bound[signature.LevelOutput!] = _level;
            }
            _run = new DoubleBufferedRun(session, new Dictionary<string, OrtTensor> { [signature.FramesInput] = _frames }, bound, state);
        }
        catch
        {
            _frames.Dispose();
            _next.Dispose();
            _level?.Dispose();
            throw;
        }
    }

    public static OnnxFrameStepModel Open(string path, FrameModelSignature signature, InferenceOptions? options = null)
    {
        var session = InferenceSession.Open(path, options);
        try
        {
            return new OnnxFrameStepModel(session, signature, ownsSession: true);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public FrameModelSignature Signature { get; }

    public int FrameSize { get; }

    /// <summary>Values <see cref="Step"/> writes: <see cref="FrameSize"/> unless the signature says otherwise.</summary>
    public int OutputSize { get; }

    public int ContextFrames { get; }

    public int LevelClasses { get; }

    public ReadOnlySpan<float> LevelLogits => _level is null ? default : new ReadOnlySpan<float>((void*)_level.Data, LevelClasses);

    public void ResetState() => _run.ResetState();

    /// <summary>
    /// State pair <paramref name="pair"/> (in the signature's order) as the next step reads it, for a model whose state
    /// starts from something other than zeros (a GAN generator's noise): write it after <see cref="ResetState"/>.
    /// The pair must hold floats.
    /// </summary>
    public Span<float> State(int pair) => MemoryMarshal.Cast<byte, float>(_run.NextState(pair));

    /// <summary>Reads <see cref="ContextFrames"/> × <see cref="FrameSize"/> values (oldest frame first) and writes the next frame (<see cref="OutputSize"/> values).</summary>
    public void Step(ReadOnlySpan<float> context, Span<float> nextFrame)
    {
        var length = ContextFrames * FrameSize;
        if (context.Length != length) throw new ArgumentException($"context has {context.Length} values, the model reads {length}", nameof(context));
        if (nextFrame.Length != OutputSize) throw new ArgumentException($"frame has {nextFrame.Length} values, the model writes {OutputSize}", nameof(nextFrame));
        context.CopyTo(new Span<float>((void*)_frames.Data, length));
        _run.Run();
        new ReadOnlySpan<float>((void*)_next.Data, OutputSize).CopyTo(nextFrame);
    }

    public void Dispose()
    {
        _run.Dispose();
        _frames.Dispose();
        _next.Dispose();
        _level?.Dispose();
        if (_ownsSession) _session.Dispose();
    }
}
