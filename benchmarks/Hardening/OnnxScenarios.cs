using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>Mutants of the event-RNN preset's model.onnx → <c>onnx info</c>, <c>onnx run</c>, <c>generate</c>, and every third → <c>render</c>.</summary>
internal static class OnnxScenarios
{
    public static IEnumerable<RunPlan> Plan(Workspace w)
    {
        var preset = w.Preset("event-rnn-openmsx");
        var model = File.ReadAllBytes(Path.Combine(preset, "model.onnx"));
        var index = 0;
        foreach (var mutant in OnnxMutants.Create(model, w.Options.Seed, w.Options.Limit))
        {
            var folder = w.NewFolder("onnx", index, mutant.Name);
            var copy = Workspace.PresetCopy(preset, folder, "preset", new Dictionary<string, byte[]> { ["model.onnx"] = mutant.Bytes });
            var input = Path.Combine(copy, "model.onnx");
            yield return new RunPlan("onnx", mutant.Name, "onnx info", ["onnx", "info", input], mutant.Expect, folder, [input], null, [input]);
            var outputs = Path.Combine(folder, "outputs");
            yield return new RunPlan("onnx", mutant.Name, "onnx run", ["onnx", "run", input, .. EventRnnInputs.Write(folder), "--out", outputs],
                mutant.Expect, folder, [input], null, [input]);
            var midi = Path.Combine(folder, "out.mid");
            yield return new RunPlan("onnx", mutant.Name, "generate", ["generate", copy, "--seconds", "2", "--out", midi, "--seed", "1"],
                mutant.Expect, folder, [input], midi, [input, copy]);
            if (index++ % 3 == 0)
            {
                var wav = Path.Combine(folder, "out.wav");
                yield return new RunPlan("onnx", mutant.Name, "render", ["render", "--plugin", w.Bundle, "--preset", copy, "--seconds", "2", "--out", wav, "--quiet"],
                    mutant.Expect, folder, [input], wav, [input, copy]);
            }
        }
    }
}
