using System.Diagnostics;
using System.Text.RegularExpressions;
using Euterpe.Core.Abc;
using Euterpe.TestSupport.Mutants;

namespace Euterpe.Core.Tests.Abc;

/// <summary>
/// Thousands of seeded mutants of Debian's abcmidi examples: each one reads as tunes or fails with one short
/// <c>FILE: line L, column C: problem</c> line, never with another exception, a control character or a long echo.
/// </summary>
public class AbcReaderMutantTests
{
    private static readonly Regex Shape = new(@"^mutant\.abc: line \d+, column \d+: \S", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryMutantReadsOrFailsWithOneShortLine(int seed)
    {
        var files = Directory.GetFiles(Abc2MidiReference.ExamplesDirectory, "*.abc").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        var perFile = 1000 / files.Length + 1;
        foreach (var file in files)
        {
            var mutants = AbcMutants.Create(File.ReadAllText(file), seed * 7919 + Array.IndexOf(files, file), perFile);
            for (var m = 0; m < mutants.Count; m++)
            {
                var problem = Check(mutants[m]);
                if (problem is not null) failures.Add($"{Path.GetFileName(file)} mutant {m}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {perFile * files.Length} mutants failed badly:\n" + string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void MutantsAreSeededAndDiffer()
    {
        var text = File.ReadAllText(Path.Combine(Abc2MidiReference.ExamplesDirectory, "boys.abc"));
        Assert.Equal(AbcMutants.Create(text, 5, 50), AbcMutants.Create(text, 5, 50));
        Assert.NotEqual(AbcMutants.Create(text, 5, 50), AbcMutants.Create(text, 6, 50));
        Assert.True(AbcMutants.Create(text, 5, 50).Count(m => m != text) >= 45);
    }

    /// <summary>Null when the mutant behaved; otherwise what went wrong.</summary>
    private static string? Check(string mutant)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var tune in AbcReader.Parse(mutant, "mutant.abc"))
                if (tune.Sequence.Notes.Any(n => n.EndTick <= n.StartTick || n.Pitch is < 0 or > 127)) return "a note of no length or out of range";
        }
        catch (EuterpeException e)
        {
            if (e.Message.Length > 300) return $"message of {e.Message.Length} characters";
            if (e.Message.Any(char.IsControl)) return "control character in the message: " + Core.Text.UserText.Quote(e.Message, 300);
            if (e.Message.Contains("input string", StringComparison.Ordinal) || e.Message.Contains("correct format", StringComparison.Ordinal))
                return ".NET's own words: " + Core.Text.UserText.Quote(e.Message, 300);
            if (!Shape.IsMatch(e.Message)) return "message not FILE: line L, column C: " + Core.Text.UserText.Quote(e.Message, 300);
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {Core.Text.UserText.Quote(e.Message)}";
        }
        return clock.Elapsed > TimeSpan.FromSeconds(5) ? $"took {clock.Elapsed.TotalSeconds:0.0} s" : null;
    }
}
