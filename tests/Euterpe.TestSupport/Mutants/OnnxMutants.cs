namespace Euterpe.TestSupport.Mutants;

/// <summary>Seeded mutants of an ONNX model: empty, truncated, zeroed, garbage and bit-flipped files.</summary>
public static class OnnxMutants
{
    /// <summary><paramref name="count"/> mutants of <paramref name="model"/>; the first is the model itself (a valid control).</summary>
    public static IReadOnlyList<FileMutant> Create(byte[] model, int seed, int count)
    {
        var garbage = new byte[4096];
        new Random(seed).NextBytes(garbage);
        var designed = new List<FileMutant>
        {
            new("original", model, Expectation.Good),
            new("empty-file", [], Expectation.Bad),
            new("one-byte", [0x08], Expectation.Bad),
            new("text", "this is not an ONNX model\n"u8.ToArray(), Expectation.Bad),
            new("json", "{\"graph\": null}\n"u8.ToArray(), Expectation.Bad),
            new("garbage", garbage, Expectation.Bad),
            new("zeros", new byte[model.Length], Expectation.Bad),
            new("first-100-bytes", model[..100], Expectation.Bad),
            new("cut-at-10pc", model[..(model.Length / 10)], Expectation.Bad),
            new("cut-at-50pc", model[..(model.Length / 2)], Expectation.Bad),
            new("cut-at-99pc", model[..(model.Length * 99 / 100)], Expectation.Bad),
            new("cut-last-byte", model[..^1], Expectation.Bad),
            new("doubled", [.. model, .. model], Expectation.Either),
            new("trailing-garbage", [.. model, .. garbage], Expectation.Either),
            new("header-flips", MutantPicker.FlipBits(model[..64], new Random(seed), 8).Concat(model[64..]).ToArray(), Expectation.Either),
        };
        return MutantPicker.Pick(designed, seed, count, (rng, i) => i % 2 == 0
            ? new FileMutant($"flips-{i}", MutantPicker.FlipBits(model, rng, 1 + rng.Next(16)), Expectation.Either)
            : new FileMutant($"truncated-{i}", model[..rng.Next(model.Length)], Expectation.Bad));
    }
}
