using Euterpe.Core.Generation;
using Euterpe.Core.IO;
using Euterpe.Core.Runtime;

namespace Euterpe.Core.Tests.Generation;

/// <summary>The generator tests' ONNX models and numpy references, opened from <see cref="OnnxTestModels"/>.</summary>
public static class GeneratorTestModels
{
    public static readonly TokenModelSignature TokenLstm = new("token", "logits", [("h0", "hn"), ("c0", "cn")], "cond");

    public static string PathOf(string name) => OnnxTestModels.PathOf(name);

    public static InferenceSession Open(string name) => InferenceSession.Open(PathOf(name));

    public static float[] Floats(string name) => NpyFormat.Read(PathOf(name)).AsSpan<float>().ToArray();

    public static long[] Longs(string name) => NpyFormat.Read(PathOf(name)).AsSpan<long>().ToArray();

    public static OnnxTokenStepModel OpenTokenLstm() => OnnxTokenStepModel.Open(PathOf("token_lstm.onnx"), TokenLstm);
}
