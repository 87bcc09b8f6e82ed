namespace Euterpe.TestSupport.Mutants;

/// <summary>
/// Seeded mutants of a VST3 bundle laid out as scripts/bundle.sh does: a truncated, garbage or foreign loader
/// library, a broken or missing ONNX Runtime beside it, no or empty presets, a broken moduleinfo.json.
/// </summary>
public static class BundleMutants
{
    /// <summary>The loader library inside the bundle.</summary>
    public const string Loader = "Contents/x86_64-linux/Euterpe.so";

    private const string OnnxRuntime = "Contents/x86_64-linux/libonnxruntime.so";
    private const string Presets = "Contents/Resources/presets";
    private const string ModuleInfo = "Contents/Resources/moduleinfo.json";

    /// <summary><paramref name="count"/> mutants; the first leaves the bundle as it is (a valid control).</summary>
    /// <param name="loader">The bundle's Euterpe.so.</param>
    /// <param name="foreignLibrary">A shared library that is not a VST3 plug-in (libm, say): loads, but has no GetPluginFactory.</param>
    public static IReadOnlyList<BundleMutant> Create(byte[] loader, byte[] foreignLibrary, int seed, int count)
    {
        var garbage = new byte[8192];
        new Random(seed).NextBytes(garbage);
        var designed = new List<BundleMutant>
        {
            new("original", "", null, Expectation.Good),
            new("loader-empty", Loader, [], Expectation.Bad),
            new("loader-text", Loader, "not a library\n"u8.ToArray(), Expectation.Bad),
            new("loader-garbage", Loader, garbage, Expectation.Bad),
            new("loader-zeros", Loader, new byte[loader.Length], Expectation.Bad),
            new("loader-elf-header-only", Loader, loader[..64], Expectation.Bad),
            new("loader-cut-at-half", Loader, loader[..(loader.Length / 2)], Expectation.Bad),
            new("loader-foreign-library", Loader, foreignLibrary, Expectation.Bad),
            new("loader-removed", Loader, null, Expectation.Bad),
            // The plug-in loads without ONNX Runtime; only the presets that run a model cannot play.
            new("onnxruntime-garbage", OnnxRuntime, garbage, Expectation.Either),
            new("onnxruntime-removed", OnnxRuntime, null, Expectation.Either),
            new("presets-empty", Presets, null, Expectation.Either),
            new("moduleinfo-garbage", ModuleInfo, garbage[..100], Expectation.Either),
        };
        return MutantPicker.Pick(designed, seed, count, (rng, i) =>
            // Flips in the ELF headers only: flipped machine code crashes any host that runs it, which no loader can prevent.
            new BundleMutant($"loader-header-flips-{i}", Loader, [.. MutantPicker.FlipBits(loader[..512], rng, 1 + rng.Next(4)), .. loader[512..]], Expectation.Either));
    }
}
