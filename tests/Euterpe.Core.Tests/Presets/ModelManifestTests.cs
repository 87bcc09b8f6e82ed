using Euterpe.Core.Presets;
using Euterpe.Core.Tests.Onnx;

namespace Euterpe.Core.Tests.Presets;

public class ModelManifestTests
{
    [Fact]
    public void LoadsEveryFieldOfAWrittenManifest()
    {
        using var dir = new TempFolder();
        var path = dir.File("manifest.json");
        File.WriteAllText(path, ManifestSamples.EventRnn);

        var m = ModelManifest.Load(path);

        Assert.Equal(path, m.SourcePath);
        Assert.Equal(1, m.FormatVersion);
        Assert.Equal(("event-rnn-test", "Event RNN (test)", "event-rnn", "performance-events"), (m.Id, m.DisplayName, m.Family, m.Representation));
        Assert.Equal(10, m.Vocabulary!.Size);
        Assert.Equal("performance-events", m.Vocabulary.Encoding!.Name);
        Assert.Equal(4, m.Vocabulary.Encoding.Options["velocityBins"].GetInt32());
        Assert.Equal(0.01, m.Timing!.SecondsPerStep);
        Assert.Equal("token", m.Io!.TokenInput!.Name);
        Assert.Equal([1L, 10L], m.Io.LogitsOutput!.Shape!);
        Assert.Equal(["h0", "c0"], m.State.Select(s => s.Input));
        Assert.Equal(["h1", "c1"], m.State.Select(s => s.Output));
        Assert.Equal([1L, 1L, 5L], m.State[1].Shape);
        Assert.Equal(1200, m.Provenance!.Steps);
        Assert.Equal(0.375, m.Provenance.ValidationMetrics["accuracy"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero), m.Provenance.Date);
    }

    [Fact]
    public void SaveWritesCamelCaseJsonThatLoadsBackTheSame()
    {
        using var dir = new TempFolder();
        var original = ModelManifest.Parse(ManifestSamples.Conditional);
        var path = dir.File("out/manifest.json");
        original.Save(path);

        var text = File.ReadAllText(path);
        Assert.Contains("\"formatVersion\": 1", text);
        Assert.Contains("\"displayName\": \"Note density\"", text);
        Assert.DoesNotContain("SourcePath", text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(dir.File("out"), "*.tmp"));
        var loaded = ModelManifest.Load(path);
        Assert.Equal(original.ToJson(), loaded.ToJson());
        var c = Assert.Single(loaded.Conditioning);
        Assert.Equal(("density", 0.0, 8.0, 2.0, "notes/s", "float"), (c.Name, c.Min, c.Max, c.Default, c.Unit, c.ElementType));
        Assert.Equal([1L], c.Shape);
    }

    public static TheoryData<string, string, string> BadManifests => new()
    {
        { "\"formatVersion\": 1,", "", "missing required properties including: 'formatVersion'" },
        { "\"formatVersion\": 1,", "\"formatVersion\": 3,", "formatVersion 3 is newer than this Euterpe reads (1); update Euterpe" },
        { "\"id\": \"event-rnn-test\",", "", "missing \"id\"" },
        { "\"family\": \"event-rnn\"", "\"family\": \"Event RNN\"", "family \"Event RNN\" is not a kebab-case name like \"event-rnn\"" },
        { "\"representation\": \"performance-events\"", "\"representation\": \"midi\"", "representation \"midi\" is not one of performance-events, note-tokens, fft-frames" },
        { "\"timing\"", "\"timeing\"", "invalid manifest JSON" },
        { "\"size\": 10", "\"size\": 0", "vocabulary size 0 is outside 1…1048576" },
        { "\"elementType\": \"int64\"", "\"elementType\": \"long\"", "io tokenInput \"token\": unknown element type \"long\"" },
        { "\"input\": \"c0\"", "\"input\": \"h0\"", "input \"h0\" is named more than once across io, state and conditioning" },
        { "\"secondsPerStep\": 0.01", "\"secondsPerStep\": -1", "timing secondsPerStep -1 is outside 0.0001…10" },
        { "\"tokenInput\"", "\"tokenInputs\"", "invalid manifest JSON" },
        { "\"displayName\": \"Event RNN (test)\",", "\"displayName\": \"Event RNN (test)\"", "invalid manifest JSON (line 5)" },
        { "\"steps\": 1200", "\"steps\": \"many\"", "invalid manifest JSON (line 19): $.provenance.steps: expected a whole number" },
    };

    [Theory]
    [MemberData(nameof(BadManifests))]
    public void BadManifestIsOneClearError(string find, string replace, string expected)
    {
        Assert.Contains(find, ManifestSamples.EventRnn);
        var json = ReplaceFirst(ManifestSamples.EventRnn, find, replace);
        using var dir = new TempFolder();
        var path = dir.File("manifest.json");
        File.WriteAllText(path, json);

        var e = Assert.Throws<EuterpeException>(() => ModelManifest.Load(path));

        Assert.StartsWith($"{path}: ", e.Message);
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ConditioningDefaultOutsideItsRangeIsRejected()
    {
        var json = ManifestSamples.Conditional.Replace("\"default\": 2", "\"default\": 9");
        var e = Assert.Throws<EuterpeException>(() => ModelManifest.Parse(json, "cond.json"));
        Assert.Equal("cond.json: conditioning input \"density\": default 9 is outside 0…8", e.Message);
    }

    [Fact]
    public void TokenListMustMatchTheVocabularySize()
    {
        var json = ManifestSamples.Conditional.Replace("\"size\": 3", "\"size\": 4");
        var e = Assert.Throws<EuterpeException>(() => ModelManifest.Parse(json, "cond.json"));
        Assert.Equal("cond.json: vocabulary lists 3 tokens but its size is 4", e.Message);
    }

    [Fact]
    public void MissingFileIsReported()
    {
        using var dir = new TempFolder();
        var path = dir.File("manifest.json");
        Assert.Equal($"{path}: file not found", Assert.Throws<EuterpeException>(() => ModelManifest.Load(path)).Message);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
