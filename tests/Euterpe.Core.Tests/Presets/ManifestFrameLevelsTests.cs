using System.Text.Json.Nodes;
using Euterpe.Core.Families;
using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Tests.Presets;

/// <summary>
/// A raw-audio manifest's level head (io.levelOutput with audio.levels): the classes must be sane, come with the
/// logits they describe, and agree with the model, each a one-line error when the preset opens.
/// </summary>
public sealed class ManifestFrameLevelsTests
{
    private static string Edited(TempFolder temp, Action<JsonObject> edit)
    {
        var folder = PresetCopy.Make(temp, PresetCopy.FftLstm);
        var path = PresetCopy.ManifestPath(folder);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
        return folder;
    }

    private static JsonObject Levels(int bins, double low = -30, double step = 1) => new() { ["bins"] = bins, ["lowDb"] = low, ["stepDb"] = step };

    private static string Problem(string folder)
    {
        var e = Assert.Throws<EuterpeException>(() =>
        {
            var (preset, family) = ModelFamilies.Open(folder);
            family.CheckManifest(preset);
            using var _ = AudioFramePreset.Open(preset);
        });
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    [Theory]
    [InlineData(1, -30, 1, "audio levels bins 1 is outside 2…1024")]
    [InlineData(48, -1e6, 1, "audio levels lowDb -1000000 must be within −400…400")]
    [InlineData(48, -30, 0, "audio levels stepDb 0 must be above 0 and at most 100")]
    public void Classes_outside_their_ranges_are_refused(int bins, double low, double step, string expected)
    {
        using var temp = new TempFolder("manifest-levels-");
        var folder = Edited(temp, m =>
        {
            m["audio"]!["levels"] = Levels(bins, low, step);
            m["io"]!["levelOutput"] = new JsonObject { ["name"] = "next_level", ["shape"] = new JsonArray(1, bins) };
        });
        Assert.Contains(expected, Problem(folder));
    }

    [Fact]
    public void Classes_without_their_logits_or_logits_without_classes_are_refused()
    {
        using var temp = new TempFolder("manifest-levels-");
        const string Expected = "io levelOutput and audio levels come together";
        Assert.Contains(Expected, Problem(Edited(temp, m =>
        {
            m["audio"]!["levels"] = Levels(48);
            m["io"]!.AsObject().Remove("levelOutput");
        })));
        using var temp2 = new TempFolder("manifest-levels-");
        Assert.Contains(Expected, Problem(Edited(temp2, m =>
        {
            m["audio"]!.AsObject().Remove("levels");
            m["io"]!["levelOutput"] = new JsonObject { ["name"] = "next_level", ["shape"] = new JsonArray(1, 48) };
        })));
    }

    [Fact]
    public void Classes_that_the_model_does_not_give_are_refused()
    {
        using var temp = new TempFolder("manifest-levels-");
        var folder = Edited(temp, m =>
        {
            m["audio"]!["levels"] = Levels(7);
            m["io"]!["levelOutput"] = new JsonObject { ["name"] = "next_level", ["shape"] = new JsonArray(1, 7) };
        });
        var message = Problem(folder);
        Assert.Contains("next_level", message);
    }
}
