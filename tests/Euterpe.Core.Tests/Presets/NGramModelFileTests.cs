using Euterpe.Core.Families.NGram;
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
        Assert.Equal($"counts after context [] add up past {int.MaxValue}", Problem("\"next\":[[0,369],", $"\"next\":[[0,{int.MaxValue}],"));
}
