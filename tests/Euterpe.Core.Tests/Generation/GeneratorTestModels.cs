using System.Runtime.CompilerServices;
using Euterpe.Core.IO;
using Euterpe.Core.Tests.Runtime;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The ONNX models and numpy references the generator tests run, built once per test run by make_generator_models.py
/// with the system Python (python3-onnx, numpy) into a temporary directory.
/// </summary>
public static class GeneratorTestModels
{
    public static readonly TokenModelSignature TokenLstm = new("token", "logits", [("h0", "hn"), ("c0", "cn")], "cond");

    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string PathOf(string name) => Path.Combine(Built.Value, name);

    public static InferenceSession Open(string name) => InferenceSession.Open(PathOf(name));

    public static float[] Floats(string name) => NpyFormat.Read(PathOf(name)).AsSpan<float>().ToArray();

    public static long[] Longs(string name) => NpyFormat.Read(PathOf(name)).AsSpan<long>().ToArray();

    public static OnnxTokenStepModel OpenTokenLstm() => OnnxTokenStepModel.Open(PathOf("token_lstm.onnx"), TokenLstm);

    private static string ScriptPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "make_generator_models.py");

    private static string Build()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"euterpe-generator-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var script = File.ReadAllText(ScriptPath());
        TestModels.RunPython($"import sys; sys.argv = ['make_generator_models.py', sys.argv[1]]; exec(compile({PyString(script)}, 'make_generator_models.py', 'exec'))", dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(dir, true); } catch (IOException) { } };
        return dir;
    }

    private static string PyString(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n") + "'";
}
