using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>WAV mutants of the fft-lstm preset's seed.wav → <c>data prepare --encoding fft-frames</c>, and as the preset's own seed.wav → <c>generate</c>.</summary>
internal static class WavScenarios
{
    public static IEnumerable<RunPlan> Plan(Workspace w)
    {
        var preset = w.Preset("fft-lstm-bilinear-openmsx");
        var seedWav = File.ReadAllBytes(Path.Combine(preset, "seed.wav"));
        var index = 0;
        foreach (var mutant in WavMutants.Create(seedWav, w.Options.Seed, w.Options.Limit))
        {
            var folder = w.NewFolder("wav", index++, mutant.Name);
            var input = Workspace.Write(folder, "audio/song.wav", mutant.Bytes);
            var cache = Path.Combine(folder, "cache");
            yield return new RunPlan("wav", mutant.Name, "data prepare fft-frames",
                ["data", "prepare", "--data", Path.GetDirectoryName(input)!, "--encoding", "fft-frames", "--layout", "stft", "--out", cache, "--validation-fraction", "0"],
                mutant.Expect, folder, [input], null, [input, "song.wav"]);
            var copy = Workspace.PresetCopy(preset, folder, "preset", new Dictionary<string, byte[]> { ["seed.wav"] = mutant.Bytes });
            var seedCopy = Path.Combine(copy, "seed.wav");
            var output = Path.Combine(folder, "out.wav");
            yield return new RunPlan("wav", mutant.Name, "generate (seed.wav)", ["generate", copy, "--seconds", "2", "--out", output, "--seed", "1"],
                mutant.Expect, folder, [seedCopy], output, [seedCopy, copy]);
        }
    }
}
