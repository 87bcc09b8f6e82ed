using Euterpe.Core.Runtime;
using Euterpe.TestSupport.Mutants;

namespace Euterpe.Core.Tests.Runtime;

/// <summary>
/// ONNX Runtime's load errors carry its C++ source location and a whole function signature (a 400-character line for
/// a model with a flipped header bit): what reaches the user is the model's path and ONNX Runtime's reason only.
/// </summary>
public class OnnxRuntimeErrorTextTests
{
    [Fact]
    public void Load_errors_of_broken_models_are_short_and_name_the_model_once()
    {
        var model = File.ReadAllBytes(RepositoryRoot.Combine("presets", "event-rnn-openmsx", "model.onnx"));
        using var temp = new TempFolder("ort-errors-");
        var refused = 0;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            foreach (var mutant in OnnxMutants.Create(model, seed, 24).Where(m => m.Name is not "original"))
            {
                var path = temp.File($"{seed}-{mutant.Name}.onnx");
                File.WriteAllBytes(path, mutant.Bytes);
                try
                {
                    using var session = InferenceSession.Open(path);
                    continue;
                }
                catch (EuterpeException e)
                {
                    refused++;
                    Assert.StartsWith($"{path}: ", e.Message);
                    Assert.DoesNotContain("onnxruntime_src", e.Message);
                    Assert.DoesNotContain("onnxruntime::", e.Message);
                    // The path once, as the line's subject: not again inside ONNX Runtime's own words.
                    Assert.Equal(e.Message.IndexOf(path, StringComparison.Ordinal), e.Message.LastIndexOf(path, StringComparison.Ordinal));
                    Assert.True(e.Message.Length - path.Length <= 200, e.Message);
                }
            }
        }
        Assert.True(refused > 20, $"only {refused} mutants refused");
    }

    [Fact]
    public void A_reason_after_the_source_location_is_kept()
    {
        var text = OnnxRuntimeException.Describe(
            "[ErrorCode:Fail] Load model from /tmp/x y/m.onnx failed:/onnxruntime_src/onnxruntime/core/graph/model.cc:251 onnxruntime::Model::Model(onnx::ModelProto&&, const onnxruntime::PathString&, const onnxruntime::logging::Logger&, const onnxruntime::ModelOptions&) Unsupported model IR version: 1034, max supported IR version: 11",
            out var code);
        Assert.Equal("Fail", code);
        Assert.Equal("Fail: cannot load: Unsupported model IR version: 1034, max supported IR version: 11", text);
    }
}
