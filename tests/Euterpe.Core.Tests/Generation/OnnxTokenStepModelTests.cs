using Euterpe.Core.Generation;
using Euterpe.Core.Presets;
using Euterpe.Core.Runtime;

namespace Euterpe.Core.Tests.Generation;

/// <summary>The ONNX token model against a numpy LSTM, and its signature checks against wrong descriptions.</summary>
public sealed class OnnxTokenStepModelTests : IDisposable
{
    private readonly OnnxTokenStepModel _model = GeneratorTestModels.OpenTokenLstm();

    [Fact]
    public void ReadsSizesFromTheSession()
    {
        Assert.Equal(12, _model.VocabularySize);
        Assert.Equal(3, _model.ConditioningSize);
    }

    [Fact]
    public void StepsMatchNumpyLstmAndResetRestartsThem()
    {
        var tokens = GeneratorTestModels.Longs("token_lstm_tokens.npy");
        var conditioning = GeneratorTestModels.Floats("token_lstm_cond.npy");
        var expected = GeneratorTestModels.Floats("token_lstm_logits.npy");
        for (var pass = 0; pass < 2; pass++) // the second pass proves ResetState returns to the initial state
        {
            _model.ResetState();
            for (var t = 0; t < tokens.Length; t++)
            {
                var logits = _model.Step((int)tokens[t], conditioning);
                for (var v = 0; v < 12; v++)
                    Assert.True(Math.Abs(expected[t * 12 + v] - logits[v]) < 1e-4f, $"pass {pass} step {t} logit {v}: numpy {expected[t * 12 + v]}, onnx {logits[v]}");
            }
        }
    }

    [Fact]
    public void ConditioningChangesTheLogits()
    {
        float[] a = [1f, 0f, -1f], b = [-1f, 0.5f, 1f];
        _model.ResetState();
        var withA = _model.Step(4, a).ToArray();
        _model.ResetState();
        var withB = _model.Step(4, b).ToArray();
        _model.ResetState();
        Assert.Equal(withA, _model.Step(4, a).ToArray()); // same input, same logits: the difference is the conditioning
        var largest = withA.Zip(withB).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(largest > 0.05f, $"largest logit change {largest}");
    }

    [Fact]
    public void StateCarriesFromStepToStep()
    {
        float[] conditioning = [0f, 0f, 0f];
        _model.ResetState();
        var first = _model.Step(2, conditioning).ToArray();
        var second = _model.Step(2, conditioning).ToArray();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void RejectsOutOfRangeTokensAndWrongConditioning()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _model.Step(12, new float[3]));
        Assert.Throws<ArgumentException>(() => _model.Step(1, new float[2]));
    }

    public static TheoryData<string, string, string> Mismatches => new()
    {
        // signature, words the message must contain (besides the model path)
        { "token:tok", "no input 'tok'", "token input" },
        { "logits:scores", "no output 'scores'", "logits output" },
        { "token:cond", "'cond' must be int64[1] or int64[1, 1]", "float[1, 3]" },
        { "logits:hn", "output 'hn' has two roles", "every" },
        { "cond:token", "'token' must be float[1, C] or float[1, 1, C]", "int64[1, 1]" },
        { "cond:h0", "input 'h0' has two roles", "every" },
        { "state:h0>logits", "'logits'", "does not match its input 'h0'" },
        { "state:h0>hn", "input 'c0'", "no role in the signature" },
        { "cond:none", "input 'cond'", "no role in the signature" },
        { "state:h0>hn,c0>hn", "output 'hn' has two roles", "every" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void SignatureMismatchNamesTheModelAndTheProblem(string change, string fragment, string another)
    {
        var s = GeneratorTestModels.TokenLstm;
        var (key, value) = (change.Split(':')[0], change.Split(':')[1]);
        s = key switch
        {
            "token" => s with { TokenInput = value },
            "logits" => s with { LogitsOutput = value },
            "cond" => s with { ConditioningInput = value == "none" ? null : value },
            _ => s with { State = value.Split(',').Select(p => (p.Split('>')[0], p.Split('>')[1])).ToList() },
        };
        var path = GeneratorTestModels.PathOf("token_lstm.onnx");
        using var session = InferenceSession.Open(path);
        var error = Assert.Throws<EuterpeException>(() => new OnnxTokenStepModel(session, s));
        Assert.StartsWith($"{path}: token model ", error.Message);
        Assert.Contains(fragment, error.Message);
        if (another != "every") Assert.Contains(another, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AMismatchDoesNotTakeTheCallersSession()
    {
        using var session = GeneratorTestModels.Open("token_lstm.onnx");
        Assert.Throws<EuterpeException>(() => new OnnxTokenStepModel(session, GeneratorTestModels.TokenLstm with { TokenInput = "x" }));
        using var model = new OnnxTokenStepModel(session, GeneratorTestModels.TokenLstm);
        Assert.Equal(12, model.Step(0, new float[3]).Length);
    }

    public void Dispose() => _model.Dispose();
}

/// <summary>A stateless token model with an int64[1] token and [1, 1, V] logits: no state pairs, no conditioning.</summary>
public sealed class StatelessTokenModelTests
{
    [Fact]
    public void BigramTableLogitsAndGreedyChainMatchNumpy()
    {
        using var model = OnnxTokenStepModel.Open(GeneratorTestModels.PathOf("token_bigram.onnx"), new TokenModelSignature("token", "logits", []));
        Assert.Equal((10, 0), (model.VocabularySize, model.ConditioningSize));
        var table = GeneratorTestModels.Floats("token_bigram_table.npy");
        for (var t = 0; t < 10; t++) Assert.Equal(table.AsSpan(t * 10, 10).ToArray(), model.Step(t, []).ToArray());

        var generator = new TokenGenerator(model, startToken: 4, seed: 1, new SamplingOptions(Temperature: 0f));
        var tokens = new int[12];
        generator.Next(tokens);
        Assert.Equal(GeneratorTestModels.Longs("token_bigram_greedy.npy").Select(t => (int)t), tokens);
    }
}
