using Euterpe.Core.IO;
using Euterpe.Core.Tensors;
using Ort = Microsoft.ML.OnnxRuntime;

namespace Euterpe.Core.Runtime;

/// <summary>
/// A loaded ONNX model, ready to run, over Microsoft.ML.OnnxRuntime's session. Open from a file or from bytes; read
/// its <see cref="Inputs"/>, <see cref="Outputs"/> and <see cref="Metadata"/>; run it once with <see cref="Run"/>
/// (allocates outputs) or many times with a <see cref="BoundRun"/> from <see cref="Bind"/> (inputs and outputs bound
/// once, nothing allocated per step). Errors are one line naming <see cref="Source"/>.
/// </summary>
public sealed class InferenceSession : IDisposable
{
    private readonly Ort.InferenceSession _session;
    private readonly Ort.RunOptions _runOptions;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private ModelMetadata? _metadata;
    private bool _disposed;

    private InferenceSession(string source, Ort.InferenceSession session)
    {
        Source = source;
        _session = session;
        _runOptions = new Ort.RunOptions();
        var runOptions = _runOptions;
        Lifetime = new SharedLifetime(() =>
        {
            session.Dispose();
            runOptions.Dispose();
        });
        Inputs = ReadInfos(session.InputNames, session.InputMetadata);
        Outputs = ReadInfos(session.OutputNames, session.OutputMetadata);
        _inputNames = [.. Inputs.Select(i => i.Name)];
        _outputNames = [.. Outputs.Select(o => o.Name)];
    }

    /// <summary>The file the model came from, or a name given to in-memory bytes; prefixes every error message.</summary>
    public string Source { get; }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    public ModelMetadata Metadata => _metadata ??= ReadMetadata();

    /// <summary>The package's session; valid while <see cref="Lifetime"/> is held.</summary>
    internal Ort.InferenceSession Native => _session;

    /// <summary>Holds the native session: released when this object and every bound run on it are done.</summary>
    internal SharedLifetime Lifetime { get; }

    public static InferenceSession Open(string path, InferenceOptions? options = null)
    {
        if (!Path.Exists(path)) throw new EuterpeException($"{path}: not found");
        // ONNX Runtime reads the file itself: only a regular, non-empty file no larger than a protobuf can be.
        if (InputFile.Check(path, InputFile.MaxModelBytes, "ONNX model") == 0) throw new EuterpeException($"{path}: empty file, not an ONNX model");
        var fullPath = Path.GetFullPath(path);
        return Create(path, options, sessionOptions => new Ort.InferenceSession(fullPath, sessionOptions));
    }

    public static InferenceSession FromBytes(ReadOnlySpan<byte> model, InferenceOptions? options = null, string name = "<memory>")
    {
        var bytes = model.ToArray();
        return Create(name, options, sessionOptions => new Ort.InferenceSession(bytes, sessionOptions));
    }

    /// <summary>
    /// Runs once. Every model input must be given exactly once with its declared element type and a compatible shape;
    /// the outputs come back in <see cref="Outputs"/> order as new tensors the caller disposes.
    /// </summary>
    public OrtTensor[] Run(IReadOnlyDictionary<string, OrtTensor> inputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidateInputs(inputs);
        var values = new Ort.OrtValue[_inputNames.Length];
        try
        {
            for (var i = 0; i < values.Length; i++) values[i] = inputs[_inputNames[i]].CreateValue();
            using var outputs = _session.Run(_runOptions, _inputNames, values, _outputNames);
            var results = new OrtTensor[_outputNames.Length];
            var index = 0;
            foreach (var output in outputs) results[index] = CopyOut(output, _outputNames[index++]);
            return results;
        }
        catch (Ort.OnnxRuntimeException ex)
        {
            throw new OnnxRuntimeException(Source, ex);
        }
        finally
        {
            foreach (var value in values) value?.Dispose();
            GC.KeepAlive(inputs);
        }
    }

    /// <summary>
    /// Binds tensors to every input and to the named outputs once; <see cref="BoundRun.Run"/> then runs the model
    /// reading and writing exactly these buffers. Output tensors must have the output's full shape.
    /// </summary>
    public BoundRun Bind(IReadOnlyDictionary<string, OrtTensor> inputs, IReadOnlyDictionary<string, OrtTensor> outputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidateInputs(inputs);
        foreach (var (name, tensor) in outputs)
        {
            var info = Outputs.FirstOrDefault(o => o.Name == name)
                ?? throw new EuterpeException($"{Source}: model has no output '{name}' (outputs: {string.Join(", ", _outputNames)})");
            CheckMatches(info, tensor, "output");
        }
        return new BoundRun(this, inputs.ToDictionary(), outputs.ToDictionary());
    }

    public void Dispose()
    {
        _disposed = true;
        Lifetime.ReleaseOwner();
    }

    private static InferenceSession Create(string source, InferenceOptions? options, Func<Ort.SessionOptions, Ort.InferenceSession> open)
    {
        options ??= InferenceOptions.Default;
        OnnxRuntimeLibrary.Load(options.Provider, source);
        try
        {
            using var sessionOptions = SessionOptionsFactory.Create(options, source);
            var native = open(sessionOptions);
            try
            {
                return new InferenceSession(source, native);
            }
            catch
            {
                native.Dispose();
                throw;
            }
        }
        catch (Ort.OnnxRuntimeException ex)
        {
            throw new OnnxRuntimeException(source, ex);
        }
    }

    private void ValidateInputs(IReadOnlyDictionary<string, OrtTensor> inputs)
    {
        foreach (var name in inputs.Keys)
        {
            if (!_inputNames.Contains(name))
                throw new EuterpeException($"{Source}: model has no input '{name}' (inputs: {string.Join(", ", _inputNames)})");
        }
        foreach (var info in Inputs)
        {
            if (!inputs.TryGetValue(info.Name, out var tensor))
                throw new EuterpeException($"{Source}: input '{info.Name}' ({info}) not given");
            CheckMatches(info, tensor, "input");
        }
    }

    private void CheckMatches(TensorInfo info, OrtTensor tensor, string role)
    {
        if (Mismatch(info, tensor.ElementType, tensor.Shape) is { } problem) throw new EuterpeException($"{Source}: {role} '{info.Name}' {problem}");
    }

    /// <summary>
    /// Why a tensor of <paramref name="type"/> and <paramref name="shape"/> cannot be the model's <paramref name="info"/>
    /// (<c>must be float, got double[1, 128]</c>), or null when it fits (a dynamic dimension takes any size).
    /// </summary>
    public static string? Mismatch(TensorInfo info, TensorElementType type, ReadOnlySpan<long> shape)
    {
        if (type != info.ElementType)
            return $"must be {TensorElementTypes.Name(info.ElementType)}, got {TensorElementTypes.Describe(type, shape)}";
        var ok = shape.Length == info.Shape.Length;
        for (var d = 0; ok && d < shape.Length; d++) ok = info.Shape[d] < 0 || info.Shape[d] == shape[d];
        return ok ? null : $"must have shape {info}, got {TensorElementTypes.Describe(type, shape)}";
    }

    private OrtTensor CopyOut(Ort.OrtValue value, string name)
    {
        if (!value.IsTensor)
        {
            var kind = value.OnnxType.ToString().Replace("ONNX_TYPE_", "", StringComparison.Ordinal).ToLowerInvariant();
            throw new EuterpeException($"{Source}: output '{name}' is a {kind}, which Euterpe cannot read");
        }
        var info = value.GetTensorTypeAndShape();
        var type = (TensorElementType)info.ElementDataType;
        if (TensorElementTypes.SizeOf(type) == 0)
            throw new EuterpeException($"{Source}: output '{name}' is a {TensorElementTypes.Name(type)} tensor, which Euterpe cannot read");
        return OrtTensor.WrapBytes(type, value.GetTensorMutableRawData().ToArray(), info.Shape);
    }

    private static TensorInfo[] ReadInfos(IReadOnlyList<string> names, IReadOnlyDictionary<string, Ort.NodeMetadata> metadata)
    {
        var infos = new TensorInfo[names.Count];
        for (var i = 0; i < infos.Length; i++)
        {
            var node = metadata[names[i]];
            if (!node.IsTensor)
            {
                infos[i] = new TensorInfo(names[i], TensorElementType.Undefined, []);
                continue;
            }
            var shape = Array.ConvertAll(node.Dimensions, d => (long)d);
            var symbols = Array.ConvertAll(node.SymbolicDimensions, s => string.IsNullOrEmpty(s) ? null : s);
            infos[i] = new TensorInfo(names[i], (TensorElementType)node.ElementDataType, shape, symbols.Any(s => s is not null) ? symbols : null);
        }
        return infos;
    }

    private ModelMetadata ReadMetadata()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var meta = _session.ModelMetadata;
            var custom = new SortedDictionary<string, string>(meta.CustomMetadataMap, StringComparer.Ordinal);
            // ONNX Runtime reports an unset model_version as INT64_MAX.
            return new ModelMetadata(meta.ProducerName, meta.GraphName, meta.Domain, meta.Description,
                meta.Version == long.MaxValue ? null : meta.Version, custom);
        }
        catch (Ort.OnnxRuntimeException ex)
        {
            throw new OnnxRuntimeException(Source, ex);
        }
    }
}
