using Euterpe.Core.Inference.Generators;

namespace Euterpe.Core.Tests.Generators;

/// <summary>Code decoders (logits and direct tokens) against numpy, and the code walk's bit flips.</summary>
public sealed class CodeWalkGeneratorOnnxTests
{
    [Theory]
    [InlineData("code_logits.onnx", "logits", 7)]
    [InlineData("code_tokens.onnx", "tokens", 0)]
    public void DecoderMatchesNumpyArgmax(string file, string output, int vocabulary)
    {
        using var decoder = OnnxCodeDecoder.Open(GeneratorTestModels.PathOf(file), new CodeDecoderSignature("code", output));
        Assert.Equal((6, 5, vocabulary), (decoder.CodeSize, decoder.SequenceLength, decoder.VocabularySize));
        var codes = GeneratorTestModels.Floats("code_codes.npy");
        var expected = GeneratorTestModels.Longs("code_expected.npy");
        var tokens = new int[5];
        for (var c = 0; c < 4; c++)
        {
            decoder.Decode(codes.AsSpan(c * 6, 6), tokens);
            Assert.Equal(expected.Skip(c * 5).Take(5).Select(t => (int)t), tokens);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void EachStepFlipsExactlyBitsPerStepBitsAndDecodesTheNewCode(int bits)
    {
        using var decoder = OnnxCodeDecoder.Open(GeneratorTestModels.PathOf("code_logits.onnx"), new CodeDecoderSignature("code", "logits"));
        var walk = new CodeWalkGenerator(decoder, seed: 5, bitsPerStep: bits);
        var tokens = new int[5];
        var direct = new int[5];
        var seen = new HashSet<string>();
        for (var step = 0; step < 200; step++)
        {
            var before = walk.Code.ToArray();
            walk.Step(tokens);
            var after = walk.Code.ToArray();
            Assert.All(after, v => Assert.True(v is 1f or -1f));
            Assert.Equal(bits, before.Zip(after).Count(p => p.First != p.Second));
            decoder.Decode(after, direct);
            Assert.Equal(direct, tokens);
            seen.Add(string.Join(",", after));
        }
        // Flipping every bit only alternates between a code and its negation; fewer bits wander.
        Assert.True(bits == 6 ? seen.Count == 2 : seen.Count > 10, $"the walk visited {seen.Count} codes");
    }

    [Fact]
    public void BitsPerStepBeyondTheCodeIsRejected()
    {
        using var decoder = OnnxCodeDecoder.Open(GeneratorTestModels.PathOf("code_logits.onnx"), new CodeDecoderSignature("code", "logits"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CodeWalkGenerator(decoder, 1, bitsPerStep: 7));
    }

    [Fact]
    public void WrongOutputTypeIsAClearError()
    {
        var path = GeneratorTestModels.PathOf("code_logits.onnx");
        var error = Assert.Throws<EuterpeException>(() => OnnxCodeDecoder.Open(path, new CodeDecoderSignature("logits", "code")));
        Assert.Contains("no input 'logits'", error.Message);
    }
}
