using System.Text.Json;
using Euterpe.Core.IO;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Onnx;

/// <summary>
/// What our writer produces runs in ONNX Runtime and computes what the ONNX operator definitions say: every builder
/// test model is run through ONNX Runtime (our InferenceSession) on random inputs and compared with <see cref="NumpyGraphEvaluator"/>
/// (numpy, written from the specs) on the same inputs.
/// </summary>
public class OnnxRuntimeParityTests
{
    public static TheoryData<string> Models() => [.. TestModels.Names];

    [Theory]
    [MemberData(nameof(Models))]
    public void OnnxRuntimeAgreesWithTheOperatorDefinitions(string name)
    {
        using var dir = new TempFolder();
        var path = dir.File(name + ".onnx");
        TestModels.Build(name).Save(path);
        using var session = InferenceSession.Open(path);
        var random = new Random(11);
        var feeds = new Dictionary<string, OrtTensor>();
        var feedFiles = new List<string>();
        try
        {
            foreach (var input in session.Inputs)
            {
                var shape = input.Shape.Select(d => d < 0 ? 1L : d).ToArray();
                var count = (int)shape.Aggregate(1L, (a, b) => a * b);
                NpyArray array;
                if (input.ElementType == TensorElementType.Float)
                {
                    var values = Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
                    feeds[input.Name] = OrtTensor.Wrap(values, shape);
                    array = NpyArray.From(values, shape);
                }
                else
                {
                    // Integer inputs are indices in these models: 0 is valid for every one of them.
                    var values = new long[count];
                    feeds[input.Name] = OrtTensor.Wrap(values, shape);
                    array = NpyArray.From(values, shape);
                }
                var file = dir.File($"in_{input.Name}.npy");
                NpyFormat.Write(file, array);
                feedFiles.Add($"{input.Name}={file}");
            }
            var outputs = session.Run(feeds);
            var ours = new Dictionary<string, string>();
            for (var i = 0; i < outputs.Length; i++)
            {
                using var output = outputs[i];
                var file = dir.File($"out_{i}.npy");
                var values = output.ElementType switch
                {
                    TensorElementType.Float => NpyArray.From(output.AsSpan<float>().ToArray(), output.Shape.ToArray()),
                    TensorElementType.Int64 => NpyArray.From(output.AsSpan<long>().ToArray(), output.Shape.ToArray()),
                    TensorElementType.Int32 => NpyArray.From(output.AsSpan<int>().ToArray(), output.Shape.ToArray()),
                    var other => throw new InvalidOperationException($"test does not compare {other} outputs"),
                };
                NpyFormat.Write(file, values);
                ours[session.Outputs[i].Name] = file;
            }
            var script = NumpyGraphEvaluator.Prelude + """
                feeds = dict((a.split("=", 1)[0], np.load(a.split("=", 1)[1])) for a in sys.argv[3:])
                ours = json.loads(sys.argv[2])
                want = run(m, feeds)
                got = {k: np.load(v) for k, v in ours.items()}
                report(got, {k: want[k] for k in ours})
                """;
            var result = JsonDocument.Parse(PythonRunner.RunCode(script, [path, JsonSerializer.Serialize(ours), .. feedFiles])).RootElement;
            Assert.True(result.GetProperty("maxError").GetDouble() < 1e-4, $"{name}: {result}");
        }
        finally
        {
            foreach (var tensor in feeds.Values) tensor.Dispose();
        }
    }
}
