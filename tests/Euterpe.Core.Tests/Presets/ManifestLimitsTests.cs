using Euterpe.Core.Families;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Tests.Presets;

/// <summary>
/// Copies of the real presets with one manifest value out of its sane range: each is one <c>FILE: problem</c> error
/// when the manifest is read, before the value reaches the code that generates with it.
/// </summary>
public class ManifestLimitsTests
{
    private static string Problem(string folder)
    {
        var e = Assert.Throws<EuterpeException>(() =>
        {
            var (preset, family) = ModelFamilies.Open(folder);
            family.CheckManifest(preset);
        });
        Assert.Equal(2, e.ExitCode);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\0', e.Message);
        return e.Message;
    }

    public static TheoryData<string, string, string, string> OutOfRange => new()
    {
        // A step of 1e-300 s made `generate` write an empty file and exit 0, and `render` spin.
        { PresetCopy.EventRnn, "\"secondsPerStep\": 0.01", "\"secondsPerStep\": 1e-300", "timing secondsPerStep 1e-300 is outside 0.0001…10" },
        { PresetCopy.EventRnn, "\"secondsPerStep\": 0.01", "\"secondsPerStep\": 1e308", "timing secondsPerStep 1e308 is outside 0.0001…10" },
        { PresetCopy.EventRnn, "\"secondsPerStep\": 0.01", "\"stepsPerBeat\": 0", "timing stepsPerBeat 0 is outside 1…960" },
        { PresetCopy.EventRnn, "\"size\": 388", "\"size\": 2000000000", "vocabulary size 2000000000 is outside 1…1048576" },
        { PresetCopy.EventRnn, "\"max\": 1", "\"max\": 1e300", "conditioning input \"conditioning\": max 1e300 is outside -1000000000…1000000000" },
        { PresetCopy.EventRnn, "\"shape\": [\n        1,\n        1,\n        128\n      ]", "\"shape\": [1, 1000000000, 1000000000]", "state input \"h0_l0\": shape [1,1000000000,1000000000] has a dimension outside 1…16777216" },
        { PresetCopy.EventRnn, "\"shape\": [\n        1,\n        1,\n        128\n      ]", "\"shape\": [0, 1, 128]", "has a dimension outside 1…16777216" },
        { PresetCopy.EventRnn, "\"shape\": [\n        1,\n        1,\n        128\n      ]", "\"shape\": [4096, 4096, 4096]", "holds more than 67108864 elements" },
        { PresetCopy.FftLstm, "\"sampleRate\": 16000", "\"sampleRate\": 1", "audio sampleRate 1 is outside 4000…384000" },
        { PresetCopy.FftLstm, "\"frameSize\": 512", "\"frameSize\": 1000000000", "audio frameSize 1000000000 is outside 2…65536" },
        { PresetCopy.FftLstm, "\"hop\": 256", "\"hop\": 0", "audio hop 0 is outside 1…512" },
        { PresetCopy.NGram, "\"stepsPerBeat\": 4", "\"stepsPerBeat\": 0", "provenance.encoding stepsPerBeat 0 is outside 1…960" },
        // A null entry or list used to be a NullReferenceException ("internal error").
        { PresetCopy.EventRnn, "\"state\": [", "\"state\": [null, ", "state[0] is null" },
        { PresetCopy.EventRnn, "\"state\": [", "\"unknownList\": [", "unknown property \"unknownList\"" },
        // A value of the wrong kind used to print .NET's "could not be converted to System.String".
        { PresetCopy.NGram, "\"model\": \"model.json\"", "\"model\": [1]", "$.model: expected a string" },
        { PresetCopy.EventRnn, "\"size\": 388", "\"size\": \"388\"", "$.vocabulary.size: expected a whole number" },
        { "dcrnn-openmsx", "\"histograms\": [", "\"histograms\": [[1, 2], ", "pianoRoll histograms[0]: needs 12 finite values, none negative, not all 0" },
        { "dcrnn-openmsx", "\"histograms\": [", "\"histograms\": [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], ", "pianoRoll histograms[0]: needs 12 finite values" },
        { PresetCopy.NGram, "\"durationSteps\": [\n        1,", "\"durationSteps\": [\n        2000000000,", "provenance.encoding durationSteps value 2000000000 is outside 1…65536" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void ValueOutsideItsRangeIsOneError(string name, string find, string replace, string expected)
    {
        using var temp = new TempFolder("manifest-limits-");
        var folder = PresetCopy.WithManifestEdit(temp, name, find, replace);
        var message = Problem(folder);
        Assert.StartsWith($"{PresetCopy.ManifestPath(folder)}: ", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void StateThatIsNullIsOneError()
    {
        using var temp = new TempFolder("manifest-limits-");
        var folder = PresetCopy.Make(temp, PresetCopy.EventRnn);
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(PresetCopy.ManifestPath(folder)))!;
        manifest["state"] = null;
        File.WriteAllText(PresetCopy.ManifestPath(folder), manifest.ToJsonString());
        Assert.Equal($"{PresetCopy.ManifestPath(folder)}: state is null (a list of state pairs, [] for none)", Problem(folder));
    }

    [Fact]
    public void EncodingStepWithoutTimingIsCheckedToo()
    {
        using var temp = new TempFolder("manifest-limits-");
        var folder = PresetCopy.Make(temp, PresetCopy.EventRnn);
        var path = PresetCopy.ManifestPath(folder);
        var text = File.ReadAllText(path).Replace("\"stepSeconds\": 0.01", "\"stepSeconds\": 1e-300").Replace("\"secondsPerStep\": 0.01", "\"secondsPerStep\": null");
        File.WriteAllText(path, text);
        var manifest = Preset.Open(folder).OnnxManifest;
        var e = Assert.Throws<EuterpeException>(() => Families.EventRnn.TokenModelManifests.PerformanceEncoding(manifest, path));
        Assert.Equal($"{path}: vocabulary encoding stepSeconds 1e-300 is outside 0.0001…10", e.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"event-rnn\"")]
    public void ManifestThatIsNotAnObjectIsOneError(string json)
    {
        using var temp = new TempFolder("manifest-limits-");
        var folder = PresetCopy.WithManifest(temp, PresetCopy.EventRnn, json);
        Assert.Equal($"{PresetCopy.ManifestPath(folder)}: the manifest is not a JSON object", Problem(folder));
        Assert.Equal("cli.json: the manifest is not a JSON object",
            Assert.Throws<EuterpeException>(() => ModelManifest.FromJson(System.Text.Json.JsonDocument.Parse(json).RootElement, "cli.json")).Message);
    }

    [Fact]
    public void ModelNameOfFiveThousandCharactersIsQuotedAndCut()
    {
        using var temp = new TempFolder("manifest-limits-");
        var folder = PresetCopy.WithManifestEdit(temp, PresetCopy.NGram, "\"model\": \"model.json\"", $"\"model\": \"{new string('m', 5000)}\"");
        var message = Problem(folder);
        Assert.Equal($"{PresetCopy.ManifestPath(folder)}: model: \"{new string('m', 24)}\"… (5000 characters) is longer than 4096 characters", message);
    }

    [Fact]
    public void ModelNameOfTwoHundredAndOneCharactersIsTooLongForAName()
    {
        using var temp = new TempFolder("manifest-limits-");
        var folder = PresetCopy.WithManifestEdit(temp, PresetCopy.NGram, "\"model\": \"model.json\"", $"\"model\": \"{new string('m', 201)}\"");
        Assert.Contains("\"model\" \"mmm", Problem(folder));
        Assert.Contains("is longer than 200 characters", Problem(folder));
    }

    [Theory]
    [InlineData(PresetCopy.NGram, "\"model\": \"model.json\"", "\"model\": \"model\\u0000.json\"", "model: \"model\\u0000.json\" holds a control character")]
    [InlineData(PresetCopy.EventRnn, "\"id\": \"event-rnn-openmsx\"", "\"id\": \"event\\nrnn\"", "id: \"event\\nrnn\" holds a control character")]
    [InlineData(PresetCopy.FftLstm, "\"name\": \"frame\"", "\"name\": \"fr\\u001bame\"", "io.frameInput.name: \"fr\\u001bame\" holds a control character")]
    public void ControlCharacterInAnyStringIsOneEscapedError(string name, string find, string replace, string expected)
    {
        using var temp = new TempFolder("manifest-limits-");
        var folder = PresetCopy.WithManifestEdit(temp, name, find, replace);
        Assert.Equal($"{PresetCopy.ManifestPath(folder)}: {expected}", Problem(folder));
    }

    [Theory]
    [InlineData("\\n", null)] // the ABC characters' line-break token (AbcCharacterEncoding.TokenNames()[1])
    [InlineData("\\n\\n", "vocabulary.tokens[1]: \"\\n\\n\" holds a control character")]
    [InlineData("\\r", "vocabulary.tokens[1]: \"\\r\" holds a control character")]
    public void ALineFeedIsTheOneControlCharacterAVocabularyTokenMayBe(string token, string? expected)
    {
        using var temp = new TempFolder("manifest-limits-");
        var folder = PresetCopy.WithManifestEdit(temp, PresetCopy.EventRnn, "\"size\": 388,", $"\"size\": 388, \"tokens\": [\"<tune>\", \"{token}\"],");
        if (expected is null) Assert.Equal("conditional-event-rnn", Preset.Open(folder).Family); // the text checks of the read pass it
        else Assert.Equal($"{PresetCopy.ManifestPath(folder)}: {expected}", Assert.Throws<EuterpeException>(() => Preset.Open(folder)).Message);
    }

    [Fact]
    public void TensorNameLongerThanANameIsQuoted()
    {
        using var temp = new TempFolder("manifest-limits-");
        var folder = PresetCopy.WithManifestEdit(temp, PresetCopy.EventRnn, "\"name\": \"token\"", $"\"name\": \"{new string('t', 300)}\"");
        Assert.Contains($"io tokenInput name \"{new string('t', 24)}\"… (300 characters) is longer than 200 characters", Problem(folder));
    }

    [Fact]
    public void EveryRealPresetPassesItsChecks()
    {
        foreach (var name in new[] { PresetCopy.EventRnn, PresetCopy.FftLstm, PresetCopy.NGram })
        {
            var (preset, family) = ModelFamilies.Open(RepositoryRoot.Combine("presets", name));
            family.CheckManifest(preset);
        }
        using var generator = NGramFamily.Open(Preset.Open(RepositoryRoot.Combine("presets", PresetCopy.NGram)));
    }
}
