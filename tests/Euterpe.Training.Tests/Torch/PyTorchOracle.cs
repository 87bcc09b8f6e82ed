using Euterpe.Training.Torch.Serialization;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Torch;

/// <summary>
/// Runs PyTorch (Debian's python3-torch 1.13, its own libtorch; through <see cref="PythonRunner"/>) as an independent
/// implementation. Tensors travel as safetensors: C# writes the inputs with our writer, Python reads them with a tiny
/// json+struct reader (no safetensors package), computes, and writes results back with a tiny writer.
/// </summary>
internal sealed class PyTorchOracle : IDisposable
{
    private const string Prelude = """
        import json, struct, sys
        import numpy as np
        import torch
        DT = {'F32': torch.float32, 'F64': torch.float64, 'I64': torch.int64, 'I32': torch.int32, 'BOOL': torch.bool,
              'U8': torch.uint8, 'F16': torch.float16, 'I16': torch.int16, 'I8': torch.int8}
        def st_load(path):
            with open(path, 'rb') as f:
                data = f.read()
            n = struct.unpack('<Q', data[:8])[0]
            header = json.loads(data[8:8 + n])
            meta = header.pop('__metadata__', {})
            out = {}
            for k, v in header.items():
                b, e = v['data_offsets']
                if e > b:
                    t = torch.frombuffer(bytearray(data[8 + n + b:8 + n + e]), dtype=DT[v['dtype']])
                else:
                    t = torch.empty(0, dtype=DT[v['dtype']])
                out[k] = t.reshape(v['shape']).clone()
            return out, meta
        def st_save(path, tensors, meta=None):
            inv = {v: k for k, v in DT.items()}
            header, blobs, off = {}, [], 0
            if meta:
                header['__metadata__'] = meta
            for k, t in tensors.items():
                t = t.detach().contiguous().cpu()
                b = t.numpy().tobytes()
                header[k] = {'dtype': inv[t.dtype], 'shape': list(t.shape), 'data_offsets': [off, off + len(b)]}
                off += len(b)
                blobs.append(b)
            h = json.dumps(header).encode()
            h += b' ' * ((8 - len(h) % 8) % 8)
            with open(path, 'wb') as f:
                f.write(struct.pack('<Q', len(h)))
                f.write(h)
                for b in blobs:
                    f.write(b)
        torch.set_num_threads(1)
        IN, META = st_load(sys.argv[1])
        OUT = {}

        """;

    private readonly TempFolder _work = new("euterpe-torch-tests-");

    public string WorkDir => _work.Root;

    /// <summary>Writes <paramref name="inputs"/> (IN in the script), runs <paramref name="body"/>, returns what it put in OUT.</summary>
    public Dictionary<string, Tensor> Run(IEnumerable<KeyValuePair<string, Tensor>> inputs, string body, IReadOnlyDictionary<string, string>? meta = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var inPath = Path.Combine(WorkDir, id + ".in.safetensors");
        var outPath = Path.Combine(WorkDir, id + ".out.safetensors");
        var script = Path.Combine(WorkDir, id + ".py");
        Safetensors.Save(inPath, inputs, meta);
        File.WriteAllText(script, Prelude + body + "\nst_save(sys.argv[2], OUT)\n");
        PythonRunner.RunScript(script, inPath, outPath);
        return Safetensors.Load(outPath).tensors;
    }

    public void Dispose() => _work.Dispose();
}
