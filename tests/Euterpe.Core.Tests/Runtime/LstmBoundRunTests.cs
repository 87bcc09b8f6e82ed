using Euterpe.Core.IO;
using Euterpe.Core.Runtime;

namespace Euterpe.Core.Tests.Runtime;

/// <summary>A recurrent model stepped token by token through a bound run, state carried from outputs to inputs.</summary>
public sealed class LstmBoundRunTests : IDisposable
{
    private readonly InferenceSession _session = InferenceSession.Open(OnnxTestModels.PathOf("lstm.onnx"));
    private readonly OrtTensor _x = OrtTensor.Create<float>(1, 1, 3);
    private readonly OrtTensor _h = OrtTensor.Create<float>(1, 1, 4);
    private readonly OrtTensor _c = OrtTensor.Create<float>(1, 1, 4);
    private readonly OrtTensor _hOut = OrtTensor.Create<float>(1, 1, 4);
    private readonly OrtTensor _cOut = OrtTensor.Create<float>(1, 1, 4);
    private readonly BoundRun _run;

    public LstmBoundRunTests()
    {
        _run = _session.Bind(
            new Dictionary<string, OrtTensor> { ["x"] = _x, ["h"] = _h, ["c"] = _c },
            new Dictionary<string, OrtTensor> { ["h_out"] = _hOut, ["c_out"] = _cOut });
    }

    [Fact]
    public void StepsMatchNumpyLstm()
    {
        var xs = NpyFormat.Read(OnnxTestModels.PathOf("lstm_xs.npy"));
        var hs = NpyFormat.Read(OnnxTestModels.PathOf("lstm_hs.npy")).AsSpan<float>().ToArray();
        var cs = NpyFormat.Read(OnnxTestModels.PathOf("lstm_cs.npy")).AsSpan<float>().ToArray();
        var steps = (int)xs.Shape[0];
        for (var t = 0; t < steps; t++)
        {
            xs.AsSpan<float>().Slice(t * 3, 3).CopyTo(_x.AsSpan<float>());
            _run.Run();
            for (var k = 0; k < 4; k++)
            {
                Assert.True(Math.Abs(hs[t * 4 + k] - _hOut.AsSpan<float>()[k]) < 1e-5f, $"h step {t} unit {k}");
                Assert.True(Math.Abs(cs[t * 4 + k] - _cOut.AsSpan<float>()[k]) < 1e-5f, $"c step {t} unit {k}");
            }
            _hOut.AsSpan<float>().CopyTo(_h.AsSpan<float>());
            _cOut.AsSpan<float>().CopyTo(_c.AsSpan<float>());
        }
    }

    [Fact]
    public void SteadyStateStepAllocatesNothing()
    {
        var x = _x.AsSpan<float>();
        var h = _h.AsSpan<float>();
        var c = _c.AsSpan<float>();
        var hOut = _hOut.AsSpan<float>();
        var cOut = _cOut.AsSpan<float>();
        x[0] = 0.5f;
        x[2] = -0.25f;
        for (var i = 0; i < 20; i++) Step(x, h, c, hOut, cOut, i); // JIT, tiering, lazy statics

        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 2_500; i++) Step(_x.AsSpan<float>(), _h.AsSpan<float>(), _c.AsSpan<float>(), _hOut.AsSpan<float>(), _cOut.AsSpan<float>(), i);
        });

        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        Assert.All(h.ToArray(), v => Assert.True(float.IsFinite(v) && v != 0f)); // the state really evolved
    }

    private void Step(Span<float> x, Span<float> h, Span<float> c, Span<float> hOut, Span<float> cOut, int i)
    {
        x[1] = (i % 7) * 0.1f;
        _run.Run();
        hOut.CopyTo(h);
        cOut.CopyTo(c);
    }

    public void Dispose()
    {
        _run.Dispose();
        foreach (var t in new[] { _x, _h, _c, _hOut, _cOut }) t.Dispose();
        _session.Dispose();
    }
}
