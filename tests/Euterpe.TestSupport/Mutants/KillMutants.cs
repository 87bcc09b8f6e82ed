namespace Euterpe.TestSupport.Mutants;

/// <summary>Seeded kills of writing commands: each target in turn, at a delay spread over start-up and the write.</summary>
public static class KillMutants
{
    /// <summary><paramref name="count"/> kills, cycling through the targets, each at a seeded delay of up to <paramref name="maxDelayMilliseconds"/>.</summary>
    public static IReadOnlyList<KillMutant> Create(int seed, int count, int maxDelayMilliseconds = 1500)
    {
        var rng = new Random(seed);
        var targets = Enum.GetValues<KillTarget>();
        return Enumerable.Range(0, count).Select(i =>
        {
            var target = targets[i % targets.Length];
            var delay = rng.Next(150, maxDelayMilliseconds);
            return new KillMutant($"{target}-at-{delay}ms", target, delay);
        }).ToArray();
    }
}
