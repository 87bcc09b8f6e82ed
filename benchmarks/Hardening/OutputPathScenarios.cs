using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>Awkward output paths → <c>generate</c> (MIDI), <c>midi convert</c>, <c>render</c> (WAV) and <c>data prepare</c> (a cache folder).</summary>
internal static class OutputPathScenarios
{
    // A FIFO nobody reads blocks its writer: a quarter-minute says as much as a whole one.
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(20);

    public static IEnumerable<RunPlan> Plan(Workspace w)
    {
        var song = Workspace.Seeds(Workspace.OpenMsx, "*.mid", 1)[0];
        var index = 0;
        foreach (var mutant in OutputPathMutants.Create(w.Options.Seed, w.Options.Limit))
        {
            var commands = new (string Label, string Extension, Func<string, string, string[]> Arguments, bool Folder)[]
            {
                ("generate --prime", ".mid", (input, output) => ["generate", w.Preset("ngram-openmsx"), "--prime", input, "--seconds", "2", "--out", output, "--seed", "1"], false),
                ("midi convert", ".mid", (input, output) => ["midi", "convert", input, "--out", output, "--quantize", "4"], false),
                ("render", ".wav", (input, output) => ["render", "--plugin", w.Bundle, "--midi-in", input, "--seconds", "2", "--out", output, "--quiet"], false),
                ("data prepare", "", (input, output) => ["data", "prepare", "--data", Path.GetDirectoryName(input)!, "--encoding", "notes", "--out", output, "--validation-fraction", "0"], true),
            };
            foreach (var (label, extension, arguments, isFolder) in commands)
            {
                var folder = w.NewFolder("outpath", index++, $"{mutant.Name}-{label.Split(' ')[0]}");
                var input = Path.Combine(folder, "data", "song.mid");
                Directory.CreateDirectory(Path.GetDirectoryName(input)!);
                File.Copy(song, input);
                var output = mutant.Prepare(folder, input, extension);
                // A cache folder may replace a folder that is there and be named with a trailing slash, and it may refuse a file.
                var expect = !isFolder || mutant.Name is "new-file" or "same-as-input" or "empty-string" ? mutant.Expect : Expectation.Either;
                if (isFolder && mutant.Name == "same-as-input") output = Path.GetDirectoryName(input)!;
                yield return new RunPlan("outpath", mutant.Name, label, arguments(input, output), expect, folder, [input], output, [output, input])
                    { Timeout = mutant.Name.StartsWith("fifo", StringComparison.Ordinal) ? ShortTimeout : null };
            }
        }
    }
}
