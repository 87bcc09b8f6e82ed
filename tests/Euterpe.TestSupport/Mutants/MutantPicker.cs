namespace Euterpe.TestSupport.Mutants;

/// <summary>Chooses a generator's mutants: its first (control) mutant, then a seeded pick of its hand-written ones, then seeded random ones.</summary>
internal static class MutantPicker
{
    /// <param name="designed">Hand-written mutants; the first is the control and always comes first.</param>
    /// <param name="random">Makes the <paramref name="index"/>-th random mutant when the designed ones run out.</param>
    public static IReadOnlyList<T> Pick<T>(IReadOnlyList<T> designed, int seed, int count, Func<Random, int, T> random)
    {
        var rng = new Random(seed);
        var rest = designed.Skip(1).ToArray();
        rng.Shuffle(rest);
        var picked = new List<T>(count);
        foreach (var mutant in designed.Take(1).Concat(rest))
        {
            if (picked.Count == count) return picked;
            picked.Add(mutant);
        }
        for (var i = 0; picked.Count < count; i++) picked.Add(random(rng, i));
        return picked;
    }

    /// <summary><paramref name="bytes"/> with <paramref name="flips"/> random bits flipped at or after <paramref name="from"/>.</summary>
    public static byte[] FlipBits(byte[] bytes, Random rng, int flips, int from = 0)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length <= from) return copy;
        for (var i = 0; i < flips; i++) copy[rng.Next(from, copy.Length)] ^= (byte)(1 << rng.Next(8));
        return copy;
    }
}
