using Euterpe.Core.Encoding;
using Euterpe.Core.Families.NGram;

namespace Euterpe.Core.Tests.Presets;

/// <summary>
/// The n-gram files are read through source-generated JSON metadata (the NativeAOT plug-in allows no reflection): a
/// member a file leaves out keeps its declared default, as with reflection, instead of becoming 0 or null.
/// </summary>
public class SourceGeneratedJsonDefaultsTests
{
    [Fact]
    public void Provenance_without_the_newer_fields_keeps_their_defaults()
    {
        using var temp = new TempFolder("json-defaults-");
        var model = temp.File("model.json");
        File.WriteAllText(model, """{ "formatVersion": 1, "metadata": { "data": "songs", "encoding": {} } }""");
        var provenance = NGramProvenance.ReadFrom(model);
        Assert.Equal(1, provenance.MinSongs);
        Assert.Empty(provenance.TrainFiles);
        Assert.Empty(provenance.ValidationFiles);
        var defaults = new NoteEncodingSettings();
        Assert.Equal((defaults.MinPitch, defaults.MaxPitch, defaults.StepsPerBeat), (provenance.Encoding.MinPitch, provenance.Encoding.MaxPitch, provenance.Encoding.StepsPerBeat));
        Assert.Equal(defaults.DurationSteps, provenance.Encoding.DurationSteps);
        Assert.Equal((36, 96, 4), (defaults.MinPitch, defaults.MaxPitch, defaults.StepsPerBeat));
    }
}
