namespace Euterpe.TestSupport.Mutants;

/// <summary>
/// Seeded mutants of an ABC tune. A placeholder with the generator's signature so the hardening campaign builds;
/// the ABC work replaces it with the real generator.
/// </summary>
public static class AbcMutants
{
    /// <summary><paramref name="count"/> mutants of <paramref name="abcText"/>, the same for the same seed.</summary>
    public static IReadOnlyList<string> Create(string abcText, int seed, int count)
    {
        var random = new Random(seed);
        var mutants = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var chars = abcText.ToCharArray();
            // A few characters replaced by ones ABC gives meaning to.
            const string Alphabet = "|:[]()^_=,'/0123456789zZxX%\\\"!{}<>-~.KLMQ\n";
            for (var k = 0; k < 1 + random.Next(8) && chars.Length > 0; k++)
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            mutants.Add(new string(chars));
        }
        return mutants;
    }
}
