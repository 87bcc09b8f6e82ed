using System.CommandLine;
using Euterpe.Core;
using Euterpe.Core.IO;
using Euterpe.Core.Onnx;
using Euterpe.Core.Runtime;
using Euterpe.Core.Text;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe onnx …</c>: inspect and run ONNX models through ONNX Runtime.</summary>
public static class OnnxCommand
{
    public static Command Create()
    {
        var command = new Command("onnx", "Inspect and run ONNX models with ONNX Runtime.");
        command.Subcommands.Add(CreateInfo());
        command.Subcommands.Add(CreateRun());
        return command;
    }

    private static Command CreateInfo()
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The .onnx model file." };
        var info = new Command("info", "Show a model's inputs, outputs, opsets, producer and metadata.") { model };
        info.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var path = result.GetValue(model)!.FullName;
            using var session = InferenceSession.Open(path);
            // Our own protobuf reader gives what the C API does not: IR version and opsets.
            var header = OnnxModel.Load(path);
            var meta = session.Metadata;
            output.WriteLine($"model: {path}");
            output.WriteLine($"runtime: ONNX Runtime {OnnxRuntimeLibrary.Version} ({OnnxRuntimeLibrary.Path})");
            output.WriteLine($"producer: {Join(meta.ProducerName, header.ProducerVersion)}");
            output.WriteLine($"ir version: {header.IrVersion}");
            output.WriteLine($"opsets: {string.Join(", ", header.Opsets)}");
            if (meta.GraphName.Length > 0) output.WriteLine($"graph: {meta.GraphName}");
            if (meta.Domain.Length > 0) output.WriteLine($"domain: {meta.Domain}");
            if (meta.Description.Length > 0) output.WriteLine($"description: {meta.Description}");
            if (meta.Version is { } version) output.WriteLine($"model version: {version}");
            output.WriteLine("inputs:");
            foreach (var t in session.Inputs) output.WriteLine($"  {t}");
            output.WriteLine("outputs:");
            foreach (var t in session.Outputs) output.WriteLine($"  {t}");
            if (meta.Custom.Count > 0)
            {
                output.WriteLine("metadata:");
                foreach (var (key, value) in meta.Custom) output.WriteLine($"  {key} = {value}");
            }
            return 0;
        });
        return info;
    }

    private static Command CreateRun()
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The .onnx model file." };
        var inputs = new Option<string[]>("--input", "-i")
        {
            Description = "An input as NAME=FILE.npy; repeat for each model input.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<DirectoryInfo>("--out", "-o") { Description = "Directory for the outputs, one NAME.npy each.", Required = true };
        var threads = new Option<int>("--threads") { Description = "Intra-op threads (0 = one per core).", DefaultValueFactory = _ => 1 };
        var cuda = new Option<bool>("--cuda") { Description = "Run on the GPU: ONNX Runtime's GPU build (ort-cuda/ beside the command, or EUTERPE_ORT_LIBRARY) with CUDA 13 and cuDNN 9." };
        var run = new Command("run", "Run a model once on .npy inputs and write each output as DIR/NAME.npy.") { model, inputs, outDir, threads, cuda };
        run.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var path = result.GetValue(model)!.FullName;
            var dirGiven = result.GetValue(outDir)!.ToString();
            var dir = result.GetValue(outDir)!.FullName;
            if (File.Exists(dir)) throw new EuterpeException($"{dirGiven}: is a file, not a folder");
            var given = ParseInputs(result.GetValue(inputs) ?? []);
            using var session = InferenceSession.Open(path, new InferenceOptions
            {
                IntraOpThreads = result.GetValue(threads),
                Provider = result.GetValue(cuda) ? ExecutionProvider.Cuda : ExecutionProvider.Cpu,
            });
            var files = session.Outputs.Select(o => Path.Combine(dir, SafeFileName(o.Name) + ".npy")).ToArray();
            OutputFile.CheckDistinct([path, .. given.Select(g => g.File)], files);
            var tensors = new Dictionary<string, OrtTensor>();
            try
            {
                foreach (var (name, file) in given)
                {
                    // Checked here, before the file is read, so the name is quoted as the user typed it.
                    var info = session.Inputs.FirstOrDefault(i => i.Name == name) ??
                        throw new EuterpeException($"{path}: model has no input {UserText.Quote(name)} (inputs: {string.Join(", ", session.Inputs.Select(i => i.Name))})");
                    var array = NpyFormat.Read(file);
                    // ONNX Runtime inputs here are dense buffers: an array with a zero dimension has none to hand it.
                    if (array.ElementCount == 0)
                        throw new EuterpeException($"{file}: shape {NpyFormat.ShapeText(array.Shape)} holds no values; a model input needs at least one");
                    // The .npy is what is wrong, so the error names it (the session would name the model).
                    if (InferenceSession.Mismatch(info, array.ElementType, array.Shape) is { } problem)
                        throw new EuterpeException($"{file}: input {UserText.Quote(name)} {problem}");
                    tensors[name] = OrtTensor.WrapBytes(array.ElementType, array.Data, array.Shape);
                }
                var results = session.Run(tensors);
                for (var i = 0; i < results.Length; i++)
                {
                    using var tensor = results[i];
                    var name = session.Outputs[i].Name;
                    var file = files[i];
                    NpyFormat.Write(file, new NpyArray(tensor.ElementType, tensor.Shape.ToArray(), tensor.AsBytes().ToArray()));
                    output.WriteLine($"{name}: {tensor} -> {file}");
                }
            }
            finally
            {
                foreach (var t in tensors.Values) t.Dispose();
            }
            return 0;
        });
        return run;
    }

    private static List<(string Name, string File)> ParseInputs(string[] specs)
    {
        var list = new List<(string, string)>();
        foreach (var spec in specs)
        {
            var eq = spec.IndexOf('=');
            if (eq <= 0 || eq == spec.Length - 1) throw new EuterpeException($"--input {UserText.Quote(spec)}: expected NAME=FILE.npy");
            var name = spec[..eq];
            if (list.Any(x => x.Item1 == name)) throw new EuterpeException($"--input {UserText.Quote(spec)}: input {UserText.Quote(name)} given twice");
            list.Add((name, spec[(eq + 1)..]));
        }
        return list;
    }

    // Output names may contain characters a file name cannot ('/', ':').
    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }

    private static string Join(string a, string b) => b.Length == 0 ? a : $"{a} {b}";
}
