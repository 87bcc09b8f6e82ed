using System.Text.Json;
using System.Text.RegularExpressions;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Tests.Presets;

/// <summary>
/// Copies of the real n-gram preset whose model.json is broken one way: one <c>FILE: problem</c> error naming
/// model.json, never a null reference or an allocation the size of a bogus vocabulary.
/// </summary>
public class NGramModelFileTests
{
    private static string Problem(string find, string replace) => Problem(text =>
    {
        Assert.Contains(find, text);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    });

    private static string Problem(Func<string, string> edit)
    {
        using var temp = new TempFolder("ngram-model-");
        var folder = PresetCopy.Make(temp, PresetCopy.NGram);
        var model = Path.Combine(folder, "model.json");
        File.WriteAllText(model, edit(File.ReadAllText(model)));
        var e = Assert.Throws<EuterpeException>(() => NGramFamily.Open(Preset.Open(folder)).Dispose());
        Assert.StartsWith($"{model}: ", e.Message);
        return e.Message[(model.Length + 2)..];
    }

    [Fact]
    public void NullContextIsOneError() =>
        Assert.Equal("a row without \"context\" or \"next\"", Problem("\"rows\":[{\"context\":[],", "\"rows\":[{\"context\":null,"));

    [Fact]
    public void NullRowsIsOneError() =>
        Assert.Equal("a table without \"rows\"", Problem("\"vocabularySize\":62,\"rows\":[", "\"vocabularySize\":62,\"rows\":null,\"x\":["));

    [Fact]
    public void VocabularyTooLargeToAllocateIsRefused()
    {
        // Order 1 with no rows passes every other check: the model's scratch arrays would be 16 GiB.
        const string table = "{\"order\":1,\"vocabularySize\":2147483647,\"rows\":[]}";
        Assert.Equal("vocabularySize 2147483647 is outside 1…1048576",
            Problem(_ => $"{{\"formatVersion\":1,\"family\":\"ngram\",\"pitches\":{table},\"durations\":{table}}}"));
    }

    [Fact]
    public void CountsThatOverflowAreRefused() =>
        Assert.Equal($"counts after context [] add up past {int.MaxValue}", Problem("\"next\":[[0,115],", $"\"next\":[[0,{int.MaxValue}],"));

    [Fact]
    public void AFormatNewerThanThisCodeIsRefused() =>
        Assert.Equal("n-gram format version 3 is not supported (expected 1…2)", Problem("{\"formatVersion\":2,", "{\"formatVersion\":3,"));

    [Fact]
    public void KeysThatAreNotTwelveSongCountsAreRefused() =>
        Assert.Equal("keys must be 12 song counts, one per tonic pitch class", Problem(text => Regex.Replace(text, "\"keys\":\\[[^\\]]*\\]", "\"keys\":[1,2,3]")));

    [Fact]
    public void MoreRepeatsThanPhrasesAreRefused() =>
        Assert.Equal("phrases has 500 repeats of 424 phrases", Problem("\"repeats\":109", "\"repeats\":500"));

    [Fact]
    public void AContextHeardInNoSongIsRefused() =>
        Assert.EndsWith("has 0 documents, not at least 1", Problem(text => Regex.Replace(text, "\"documents\":[0-9]+", "\"documents\":0")));

    [Fact]
    public void AVelocityTableOfAnotherShapeIsRefused() =>
        Assert.Equal("the velocity table must have order 4 and vocabularySize 128", Problem(text => text.Replace("\"velocities\":{\"order\":4,\"vocabularySize\":128", "\"velocities\":{\"order\":4,\"vocabularySize\":129")));

    [Fact]
    public void AFormatOneModelStillLoadsAndPlaysOneVelocityInItsOwnKey()
    {
        // The model.json shipped before format 2, reduced to the tables format 1 had: it plays as it always did.
        using var temp = new TempFolder("ngram-model-");
        var folder = PresetCopy.Make(temp, PresetCopy.NGram);
        var model = Path.Combine(folder, "model.json");
        using (var document = JsonDocument.Parse(File.ReadAllText(model)))
        {
            var root = document.RootElement;
            File.WriteAllText(model, $"{{\"formatVersion\":1,\"family\":\"ngram\",\"pitches\":{root.GetProperty("pitches").GetRawText()},\"durations\":{root.GetProperty("durations").GetRawText()}}}");
        }
        var preset = Preset.Open(folder);
        var notes = NGramFamily.Instance.GenerateNotes(preset, new GenerationRequest { Seconds = 20, Seed = 2 }).Notes;
        Assert.True(notes.Count > 10);
        Assert.All(notes, n => Assert.Equal(100, n.Velocity));
        using var generator = NGramFamily.Open(preset);
        generator.Reset(2);
        Assert.Equal(0, generator.Transposition);
    }
}
