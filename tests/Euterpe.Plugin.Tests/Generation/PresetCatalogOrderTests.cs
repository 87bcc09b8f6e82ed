using System.Text.Json.Nodes;
using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// A preset folder named on purpose (an $EUTERPE_PRESETS entry that is a preset, as <c>render --preset FOLDER</c> makes)
/// heads the Model list and survives the 64-slot limit, however many presets the other folders hold.
/// </summary>
public class PresetCatalogOrderTests
{
    [Fact]
    public void A_named_preset_folder_comes_first_and_is_never_cut_by_the_slot_limit()
    {
        using var temp = new TempFolder("euterpe-catalog-");
        var shipped = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("presets", "ngram-openmsx", "manifest.json")))!;
        string Write(string folder, string id, string displayName)
        {
            var manifest = shipped.DeepClone();
            manifest["id"] = id;
            manifest["displayName"] = displayName;
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
            File.Copy(RepositoryRoot.Combine("presets", "ngram-openmsx", "model.json"), Path.Combine(folder, "model.json"));
            return folder;
        }
        // 70 presets in a library folder, all sorting before the named one ("Zz…").
        for (var i = 0; i < 70; i++) Write(temp.Path("library", $"p{i:00}"), $"p{i:00}", $"A melody {i:00}");
        var named = Write(temp.Path("mine", "retrained"), "retrained", "Zz retrained melody");

        var catalog = PresetCatalog.Scan([temp.Path("library"), named]);

        Assert.Equal(PresetCatalog.MaxPresets, catalog.Entries.Count);
        Assert.Equal(named, catalog.Entries[0].Path);
        Assert.Null(catalog.Entries[0].Problem);
        Assert.Equal("Zz retrained melody", catalog.LabelOf(1));
        // The rest keeps its stable order by display name.
        Assert.Equal("A melody 00", catalog.LabelOf(2));
    }
}
