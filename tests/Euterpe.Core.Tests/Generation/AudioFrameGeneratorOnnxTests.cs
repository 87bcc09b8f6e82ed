using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// AudioFrameGenerator over real ONNX frame models: a window model re-reads its last T frames each step, a stateful model
/// reads one frame and carries its LSTM state; both are checked against numpy running the same recurrence.
/// </summary>
public sealed class AudioFrameGeneratorOnnxTests
{
    [Fact]
    public void WindowModelSlidesItsContextOverThePredictions()
    {
        using var model = OnnxFrameStepModel.Open(GeneratorTestModels.PathOf("frame_window.onnx"), new FrameModelSignature("frames", "next"));
        Assert.Equal((3, 4), (model.FrameSize, model.ContextFrames));
        var generator = new AudioFrameGenerator(model, seed: 1);
        generator.Seed(GeneratorTestModels.Floats("frame_window_seed.npy")); // two frames: right-aligned after zeros
        AssertFrames(generator, GeneratorTestModels.Floats("frame_window_expected.npy"));
    }

    [Fact]
    public void StatefulModelBuildsItsStateFromTheSeedThenFeedsBackEachFrame()
    {
        var signature = new FrameModelSignature("frame", "next", [("h0", "hn"), ("c0", "cn")]);
        using var model = OnnxFrameStepModel.Open(GeneratorTestModels.PathOf("frame_lstm.onnx"), signature);
        Assert.Equal((3, 1), (model.FrameSize, model.ContextFrames));
        var generator = new AudioFrameGenerator(model, seed: 1);
        var seed = GeneratorTestModels.Floats("frame_lstm_seed.npy");
        var expected = GeneratorTestModels.Floats("frame_lstm_expected.npy");
        AssertFrames(generator.Also(g => g.Seed(seed)), expected);
        // Seeding again resets the state: the same frames follow.
        AssertFrames(generator.Also(g => g.Seed(seed)), expected);
    }

    [Fact]
    public void StatefulAndWindowSemanticsDifferForTheSameSeed()
    {
        // Fed the same three seed frames, the stateful model's first prediction depends on all of them only through its state:
        // reading just the last frame from a fresh state gives a different frame.
        var signature = new FrameModelSignature("frame", "next", [("h0", "hn"), ("c0", "cn")]);
        using var model = OnnxFrameStepModel.Open(GeneratorTestModels.PathOf("frame_lstm.onnx"), signature);
        var seed = GeneratorTestModels.Floats("frame_lstm_seed.npy");
        var generator = new AudioFrameGenerator(model, seed: 1);
        generator.Seed(seed);
        var withHistory = new float[3];
        generator.Next(withHistory);
        generator.Seed(seed.AsSpan(6, 3));
        var lastOnly = new float[3];
        generator.Next(lastOnly);
        Assert.NotEqual(withHistory, lastOnly);
    }

    [Fact]
    public void SymbolicOrMismatchedContextIsAClearError()
    {
        var path = GeneratorTestModels.PathOf("frame_window.onnx");
        var error = Assert.Throws<EuterpeException>(() => OnnxFrameStepModel.Open(path, new FrameModelSignature("frames", "next", ContextFrames: 8)));
        Assert.Equal($"{path}: frame model frames input 'frames' must be float[1, 8, F] for a context of 8 frames; the model declares frames: float[1, 4, 3]", error.Message);
        var lstm = GeneratorTestModels.PathOf("frame_lstm.onnx");
        error = Assert.Throws<EuterpeException>(() => OnnxFrameStepModel.Open(lstm, new FrameModelSignature("frame", "next", [("h0", "hn")])));
        Assert.Contains("input 'c0'", error.Message);
    }

    private static void AssertFrames(AudioFrameGenerator generator, float[] expected)
    {
        var frame = new float[3];
        for (var t = 0; t < expected.Length / 3; t++)
        {
            generator.Next(frame);
            for (var k = 0; k < 3; k++)
                Assert.True(Math.Abs(expected[t * 3 + k] - frame[k]) < 1e-4f, $"frame {t} value {k}: numpy {expected[t * 3 + k]}, onnx {frame[k]}");
        }
    }
}

internal static class GeneratorTestExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
