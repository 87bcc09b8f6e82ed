using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>.npy mutants as one input of the event-RNN preset's model (the conditioning or the first LSTM state, by turns) → <c>onnx run</c>.</summary>
internal static class NpyScenarios
{
    public static IEnumerable<RunPlan> Plan(Workspace w)
    {
        var model = Path.Combine(w.Preset("event-rnn-openmsx"), "model.onnx");
        var index = 0;
        foreach (var (name, shape) in EventRnnInputs.FloatInputs.Take(2))
        {
            var count = name == "conditioning" ? (w.Options.Limit + 1) / 2 : w.Options.Limit / 2;
            foreach (var mutant in NpyMutants.Create(shape, w.Options.Seed + index, count))
            {
                var folder = w.NewFolder("npy", index++, $"{name}-{mutant.Name}");
                var inputs = EventRnnInputs.Write(folder, new Dictionary<string, byte[]> { [name] = mutant.Bytes });
                var input = Path.Combine(folder, "in", $"{name}.npy");
                yield return new RunPlan("npy", $"{name}-{mutant.Name}", "onnx run", ["onnx", "run", model, .. inputs, "--out", Path.Combine(folder, "outputs")],
                    mutant.Expect, folder, [input, model], null, [input]);
            }
        }
    }
}
