using System.Runtime.InteropServices;
using System.Text;

namespace Euterpe.Core.Inference;

/// <summary>
/// A loaded ONNX model, ready to run. Open from a file or from bytes; read its <see cref="Inputs"/>, <see cref="Outputs"/>
/// and <see cref="Metadata"/>; run it once with <see cref="Run"/> (allocates outputs) or many times with a
/// <see cref="BoundRun"/> from <see cref="Bind"/> (inputs and outputs allocated once, nothing allocated per step).
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    private readonly OrtApiTable _api;
    private readonly OrtHandle _session;
    private ModelMetadata? _metadata;

    private InferenceSession(string source, OrtApiTable api, OrtHandle session)
    {
        Source = source;
        _api = api;
        _session = session;
        Inputs = ReadInfos(isInput: true);
        Outputs = ReadInfos(isInput: false);
    }

    /// <summary>The file the model came from, or a name given to in-memory bytes; prefixes every error message.</summary>
    public string Source { get; }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    internal nint Pointer => _session.Pointer;

    internal OrtHandle Handle => _session;

    internal OrtApiTable Api => _api;

    public ModelMetadata Metadata => _metadata ??= ReadMetadata();

    public static InferenceSession Open(string path, InferenceOptions? options = null)
    {
        if (!File.Exists(path)) throw new EuterpeException($"{path}: not found");
        var library = OrtLibrary.Default;
        var api = library.Api;
        var env = OrtEnvironment.Handle;
        using var sessionOptions = OrtSessionOptionsBuilder.Build(library, options ?? InferenceOptions.Default, path);
        var pathBytes = Utf8(Path.GetFullPath(path));
        nint session;
        fixed (byte* p = pathBytes)
        {
            Wrap(path, api, api.CreateSession(env.Pointer, p, sessionOptions.Pointer, &session));
        }
        return new InferenceSession(path, api, new OrtHandle(api, OrtObjectKind.Session, session));
    }

    public static InferenceSession FromBytes(ReadOnlySpan<byte> model, InferenceOptions? options = null, string name = "<memory>")
    {
        var library = OrtLibrary.Default;
        var api = library.Api;
        var env = OrtEnvironment.Handle;
        using var sessionOptions = OrtSessionOptionsBuilder.Build(library, options ?? InferenceOptions.Default, name);
        nint session;
        fixed (byte* p = model)
        {
            Wrap(name, api, api.CreateSessionFromArray(env.Pointer, p, (nuint)model.Length, sessionOptions.Pointer, &session));
        }
        return new InferenceSession(name, api, new OrtHandle(api, OrtObjectKind.Session, session));
    }

    /// <summary>
    /// Runs once. Every model input must be given exactly once with its declared element type and a compatible shape;
    /// the outputs come back in <see cref="Outputs"/> order as new tensors the caller disposes.
    /// </summary>
    public OrtTensor[] Run(IReadOnlyDictionary<string, OrtTensor> inputs)
    {
        ValidateInputs(inputs);
        var inputValues = new nint[Inputs.Count];
        var inputNames = new NativeUtf8Strings(Inputs.Select(i => i.Name));
        var outputNames = new NativeUtf8Strings(Outputs.Select(o => o.Name));
        var outputValues = new nint[Outputs.Count];
        try
        {
            for (var i = 0; i < Inputs.Count; i++) inputValues[i] = inputs[Inputs[i].Name].ValuePointer;
            fixed (nint* inVals = inputValues, outVals = outputValues)
            {
                Wrap(Source, _api, _api.Run(_session.Pointer, 0, inputNames.Pointers, inVals, (nuint)inputValues.Length,
                    outputNames.Pointers, (nuint)outputValues.Length, outVals));
            }
            var results = new OrtTensor[Outputs.Count];
            for (var i = 0; i < results.Length; i++) results[i] = CopyOut(outputValues[i], Outputs[i].Name);
            return results;
        }
        finally
        {
            foreach (var v in outputValues) if (v != 0) _api.ReleaseValue(v);
            inputNames.Dispose();
            outputNames.Dispose();
            GC.KeepAlive(inputs);
        }
    }

    /// <summary>
    /// Binds tensors to every input and to the named outputs once; <see cref="BoundRun.Run"/> then runs the model
    /// reading and writing exactly these buffers. Output tensors must have the output's full shape.
    /// </summary>
    public BoundRun Bind(IReadOnlyDictionary<string, OrtTensor> inputs, IReadOnlyDictionary<string, OrtTensor> outputs)
    {
        ValidateInputs(inputs);
        foreach (var (name, tensor) in outputs)
        {
            var info = Outputs.FirstOrDefault(o => o.Name == name)
                ?? throw new EuterpeException($"{Source}: model has no output '{name}' (outputs: {string.Join(", ", Outputs.Select(o => o.Name))})");
            CheckMatches(info, tensor, "output");
        }
        return new BoundRun(this, inputs.ToDictionary(), outputs.ToDictionary());
    }

    public void Dispose() => _session.Dispose();

    private void ValidateInputs(IReadOnlyDictionary<string, OrtTensor> inputs)
    {
        foreach (var name in inputs.Keys)
        {
            if (!Inputs.Any(i => i.Name == name))
                throw new EuterpeException($"{Source}: model has no input '{name}' (inputs: {string.Join(", ", Inputs.Select(i => i.Name))})");
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
        if (tensor.ElementType != info.ElementType)
            throw new EuterpeException($"{Source}: {role} '{info.Name}' must be {TensorElementTypes.Name(info.ElementType)}, got {tensor}");
        var shape = tensor.Shape;
        var ok = shape.Length == info.Shape.Length;
        for (var d = 0; ok && d < shape.Length; d++) ok = info.Shape[d] < 0 || info.Shape[d] == shape[d];
        if (!ok) throw new EuterpeException($"{Source}: {role} '{info.Name}' must have shape {info}, got {tensor}");
    }

    private OrtTensor CopyOut(nint value, string name)
    {
        nint shapeInfo;
        _api.Check(_api.GetTensorTypeAndShape(value, &shapeInfo));
        TensorElementType type;
        long[] shape;
        try
        {
            (type, shape, _) = OrtTypeReader.ReadShape(_api, shapeInfo);
        }
        finally
        {
            _api.ReleaseTensorTypeAndShapeInfo(shapeInfo);
        }
        if (TensorElementTypes.SizeOf(type) == 0)
            throw new EuterpeException($"{Source}: output '{name}' is a {TensorElementTypes.Name(type)} tensor, which Euterpe cannot read");
        void* data;
        _api.Check(_api.GetTensorMutableData(value, &data));
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var bytes = new byte[checked((int)(count * TensorElementTypes.SizeOf(type)))];
        new ReadOnlySpan<byte>(data, bytes.Length).CopyTo(bytes);
        return OrtTensor.WrapBytes(type, bytes, shape);
    }

    private TensorInfo[] ReadInfos(bool isInput)
    {
        nuint count;
        _api.Check(isInput ? _api.SessionGetInputCount(_session.Pointer, &count) : _api.SessionGetOutputCount(_session.Pointer, &count));
        var allocator = OrtEnvironment.DefaultAllocator;
        var infos = new TensorInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* namePtr;
            _api.Check(isInput ? _api.SessionGetInputName(_session.Pointer, i, allocator, &namePtr) : _api.SessionGetOutputName(_session.Pointer, i, allocator, &namePtr));
            var name = _api.TakeString(allocator, namePtr);
            nint typeInfo;
            _api.Check(isInput ? _api.SessionGetInputTypeInfo(_session.Pointer, i, &typeInfo) : _api.SessionGetOutputTypeInfo(_session.Pointer, i, &typeInfo));
            try
            {
                infos[(int)i] = OrtTypeReader.ReadTensorInfo(_api, name, typeInfo);
            }
            finally
            {
                _api.ReleaseTypeInfo(typeInfo);
            }
        }
        return infos;
    }

    private ModelMetadata ReadMetadata()
    {
        nint metaOut;
        _api.Check(_api.SessionGetModelMetadata(_session.Pointer, &metaOut));
        var meta = metaOut;
        using var handle = new OrtHandle(_api, OrtObjectKind.ModelMetadata, meta);
        var allocator = OrtEnvironment.DefaultAllocator;
        string Get(delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> getter)
        {
            byte* value;
            _api.Check(getter(meta, allocator, &value));
            return _api.TakeString(allocator, value);
        }
        var producer = Get(_api.ModelMetadataGetProducerName);
        var graph = Get(_api.ModelMetadataGetGraphName);
        var domain = Get(_api.ModelMetadataGetDomain);
        var description = Get(_api.ModelMetadataGetDescription);
        long version;
        _api.Check(_api.ModelMetadataGetVersion(meta, &version));
        var custom = new SortedDictionary<string, string>(StringComparer.Ordinal);
        byte** keys;
        long keyCount;
        _api.Check(_api.ModelMetadataGetCustomMetadataMapKeys(meta, allocator, &keys, &keyCount));
        if (keys != null)
        {
            try
            {
                for (long k = 0; k < keyCount; k++)
                {
                    var key = _api.TakeString(allocator, keys[k]);
                    byte* value;
                    var keyBytes = Utf8(key);
                    fixed (byte* kp = keyBytes) _api.Check(_api.ModelMetadataLookupCustomMetadataMap(meta, allocator, kp, &value));
                    custom[key] = _api.TakeString(allocator, value);
                }
            }
            finally
            {
                _api.Check(_api.AllocatorFree(allocator, keys));
            }
        }
        // ONNX Runtime reports an unset model_version as INT64_MAX.
        return new ModelMetadata(producer, graph, domain, description, version == long.MaxValue ? null : version, custom);
    }

    internal static byte[] Utf8(string s)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(s) + 1];
        System.Text.Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }

    /// <summary>Turns a failed status into an error that names the model it concerns.</summary>
    private static void Wrap(string source, OrtApiTable api, nint status)
    {
        try
        {
            api.Check(status);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxRuntimeException(ex.Code, source, ex.Message["onnxruntime: ".Length..]);
        }
    }
}
