using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>Mutants of the built VST3 bundle → <c>host info</c> and <c>render</c>.</summary>
internal static class BundleScenarios
{
    private const string ForeignLibrary = "/usr/lib/x86_64-linux-gnu/libm.so.6";

    public static IEnumerable<RunPlan> Plan(Workspace w)
    {
        if (!Directory.Exists(w.Bundle)) throw new InvalidOperationException($"{w.Bundle}: no bundle; run scripts/build.sh");
        var loader = File.ReadAllBytes(Path.Combine(w.Bundle, BundleMutants.Loader));
        var index = 0;
        foreach (var mutant in BundleMutants.Create(loader, File.ReadAllBytes(ForeignLibrary), w.Options.Seed, w.Options.Limit))
        {
            var folder = w.NewFolder("bundle", index++, mutant.Name);
            var bundle = Path.Combine(folder, "Euterpe.vst3");
            Copy(w.Bundle, bundle, mutant);
            var changed = mutant.RelativePath.Length > 0 && mutant.Bytes is not null ? Path.Combine(bundle, mutant.RelativePath) : null;
            string[] watched = changed is null ? [] : [changed];
            yield return new RunPlan("bundle", mutant.Name, "host info", ["host", "info", bundle], mutant.Expect, folder, watched, null, [bundle, .. watched]);
            var wav = Path.Combine(folder, "out.wav");
            yield return new RunPlan("bundle", mutant.Name, "render", ["render", "--plugin", bundle, "--seconds", "2", "--out", wav, "--quiet"],
                mutant.Expect, folder, watched, wav, [bundle, .. watched]);
        }
    }

    // The bundle's folders, with links to its files, except the mutant's file (written, or left out) or folder (left empty).
    private static void Copy(string from, string to, BundleMutant mutant)
    {
        var changed = mutant.RelativePath.Length > 0 ? Path.Combine(to, mutant.RelativePath) : null;
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, dir));
            if (changed is not null && target.StartsWith(changed + "/", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(target);
            if (target == changed) continue;
            foreach (var file in Directory.GetFiles(dir))
            {
                var copy = Path.Combine(target, Path.GetFileName(file));
                if (copy != changed) File.CreateSymbolicLink(copy, file);
                else if (mutant.Bytes is not null) File.WriteAllBytes(copy, mutant.Bytes);
            }
        }
    }
}
