using System.Text;
using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>Manifest mutants of the repository's three presets → <c>generate</c>, and the event-RNN ones every other time → <c>render --preset</c>.</summary>
internal static class PresetScenarios
{
    private static readonly (string Preset, string Model, string Output)[] Presets =
    [
        ("ngram-openmsx", "model.json", "out.mid"),
        ("event-rnn-openmsx", "model.onnx", "out.mid"),
        ("fft-lstm-bilinear-openmsx", "model.onnx", "out.wav"),
    ];

    public static IEnumerable<RunPlan> Plan(Workspace w)
    {
        var index = 0;
        foreach (var (name, modelName, outputName) in Presets)
        {
            var preset = w.Preset(name);
            var count = (w.Options.Limit + Presets.Length - 1) / Presets.Length;
            foreach (var mutant in PresetMutants.Create(File.ReadAllText(Path.Combine(preset, "manifest.json")), w.Options.Seed + index, count))
            {
                var label = $"{name}-{mutant.Name}";
                var folder = w.NewFolder("preset", index, label);
                var copy = Workspace.PresetCopy(preset, folder, "preset", new Dictionary<string, byte[]> { ["manifest.json"] = Encoding.UTF8.GetBytes(mutant.Manifest) });
                var manifest = Path.Combine(copy, "manifest.json");
                if (mutant.ModelLink is { } link)
                {
                    File.Delete(Path.Combine(copy, modelName));
                    File.CreateSymbolicLink(Path.Combine(copy, modelName), link);
                }
                var output = Path.Combine(folder, outputName);
                yield return new RunPlan("preset", label, "generate", ["generate", copy, "--seconds", "2", "--out", output, "--seed", "1"],
                    mutant.Expect, folder, [manifest], output, [copy, manifest, modelName]);
                if (name == "event-rnn-openmsx" && index % 2 == 0)
                {
                    var wav = Path.Combine(folder, "render.wav");
                    yield return new RunPlan("preset", label, "render", ["render", "--plugin", w.Bundle, "--preset", copy, "--seconds", "2", "--out", wav, "--quiet"],
                        mutant.Expect, folder, [manifest], wav, [copy, manifest, modelName]);
                }
                index++;
            }
        }
    }
}
