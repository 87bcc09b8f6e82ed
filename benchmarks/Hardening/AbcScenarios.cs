using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>ABC tunes (abcmidi's examples and their mutants) → <c>midi convert</c>, and every other one → <c>generate --prime</c>.</summary>
internal static class AbcScenarios
{
    private static readonly string[] SeedNames = ["araber.abc", "boys.abc", "coleraine.abc", "dergasn.abc"];

    public static IEnumerable<RunPlan> Plan(Workspace w)
    {
        var seeds = SeedNames.Select(n => Path.Combine(Workspace.AbcExamples, n)).Where(File.Exists).ToArray();
        if (seeds.Length == 0) throw new InvalidOperationException($"{Workspace.AbcExamples}: no ABC examples; run scripts/install-deps.sh");
        // --limit tunes in all, the seed files' originals among them: one seed file per four tunes, up to all of them.
        seeds = seeds.Take(Math.Clamp(w.Options.Limit / 4, 1, seeds.Length)).ToArray();
        var perSeed = (w.Options.Limit + seeds.Length - 1) / seeds.Length;
        var index = 0;
        foreach (var (seedFile, s) in seeds.Select((f, i) => (f, i)))
        {
            var text = File.ReadAllText(seedFile);
            var tunes = new List<(string Name, string Text, Expectation Expect)> { ($"{Path.GetFileNameWithoutExtension(seedFile)}-original", text, Expectation.Good) };
            tunes.AddRange(AbcMutants.Create(text, w.Options.Seed * 1000 + s, perSeed - 1)
                .Select((m, i) => ($"{Path.GetFileNameWithoutExtension(seedFile)}-{i}", m, Expectation.Either)));
            foreach (var (name, tune, expect) in tunes)
            {
                var folder = w.NewFolder("abc", index, name);
                var input = Workspace.Write(folder, "tune.abc", System.Text.Encoding.UTF8.GetBytes(tune));
                var output = Path.Combine(folder, "out.mid");
                yield return new RunPlan("abc", name, "midi convert", ["midi", "convert", input, "--out", output], expect, folder, [input], output, [input]);
                if (index++ % 2 == 0)
                {
                    var generated = Path.Combine(folder, "gen.mid");
                    yield return new RunPlan("abc", name, "generate --prime", ["generate", w.Preset("ngram-openmsx"), "--prime", input, "--seconds", "2", "--out", generated, "--seed", "1"],
                        expect, folder, [input], generated, [input]);
                }
            }
        }
    }
}
