using System.Text.Json;

namespace Euterpe.Host.Tests;

public class HostInfoTests
{
    [Fact]
    public void Our_bundle_lists_the_Euterpe_instrument_with_its_buses_parameters_and_unit()
    {
        var bundle = TestData.Bundle();
        var info = HostInspector.Describe(bundle);

        var audio = Assert.Single(info.Classes, c => c.Category == "Audio Module Class");
        Assert.Equal("Euterpe", audio.Name);
        Assert.Contains("Instrument", audio.SubCategories.Split('|'));
        Assert.Contains(info.Classes, c => c.Category == "Component Controller Class");

        // The bundle's own moduleinfo.json (what DAWs read without loading code) must agree with what the factory says.
        using var moduleInfo = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "Contents", "Resources", "moduleinfo.json")));
        var declared = moduleInfo.RootElement.GetProperty("Classes").EnumerateArray()
            .Select(c => (Cid: c.GetProperty("CID").GetString()!, Name: c.GetProperty("Name").GetString()!)).ToList();
        foreach (var c in info.Classes) Assert.Contains((c.Cid, c.Name), declared);

        var output = Assert.Single(info.Buses, b => b.IsAudio && !b.IsInput);
        Assert.Equal(2, output.ChannelCount);
        Assert.Contains(info.Buses, b => !b.IsAudio && b.IsInput);
        Assert.DoesNotContain(info.Buses, b => b.IsAudio && b.IsInput);

        Assert.NotEmpty(info.Parameters);
        Assert.Equal(info.Parameters.Count, info.Parameters.Select(p => p.Id).Distinct().Count());
        Assert.All(info.Parameters, p => Assert.InRange(p.DefaultNormalized, 0, 1));
        Assert.Contains(info.Parameters, p => (p.Flags & (1 << 16)) != 0); // a bypass parameter, as hosts expect of instruments
        Assert.Contains(info.Parameters, p => p.Units == "dB");
        Assert.Contains(info.Units, u => u.Id == 0 && u.ParentId == -1);
    }
}
