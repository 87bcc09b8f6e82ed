namespace Euterpe.Host.Tests;

/// <summary>Every built bundle in EUTERPE_THIRD_PARTY_VST3 is described class by class, and its instruments play real MIDI.</summary>
[Collection(PluginInstanceCollection.Name)]
public class ThirdPartyBundleTests
{
    private static IEnumerable<string> Bundles() =>
        Directory.EnumerateDirectories(Environment.GetEnvironmentVariable(ThirdPartyFactAttribute.Variable)!, "*.vst3")
            .Where(b => Directory.Exists(Path.Combine(b, "Contents", "x86_64-linux"))
                && Directory.EnumerateFiles(Path.Combine(b, "Contents", "x86_64-linux"), "*.so").Any())
            .Order();

    [ThirdPartyFact]
    public void Every_audio_module_class_lists_its_buses_and_instruments_sound_from_a_MIDI_file()
    {
        var bundles = Bundles().ToList();
        Assert.NotEmpty(bundles);
        var instruments = 0;
        foreach (var bundle in bundles)
        {
            var info = HostInspector.Describe(bundle);
            foreach (var audio in info.Classes.Where(c => c.Category == "Audio Module Class"))
            {
                var described = HostInspector.Describe(bundle, audio.Name);
                Assert.True(described.Buses.Any(b => b.IsAudio), $"{bundle} {audio.Name}: no audio bus");
                var isInstrument = described.Buses.Any(b => !b.IsAudio && b.IsInput) && described.Buses.Any(b => b.IsAudio && !b.IsInput)
                    && !described.Buses.Any(b => b.IsAudio && b.IsInput) && audio.SubCategories.Contains("Instrument", StringComparison.Ordinal);
                if (!isInstrument || instruments >= 3) continue;
                instruments++;
                var wav = Path.Combine(Path.GetTempPath(), $"euterpe-third-party-{Guid.NewGuid():N}.wav");
                try
                {
                    var result = OfflineRenderer.Render(new RenderOptions(bundle, 8, wav) { ClassName = audio.Name, MidiIn = TestData.Song("5432gone_redfarn.mid") });
                    Assert.True(result.InputEvents > 0, $"{audio.Name}: no events sent");
                    Assert.True(result.Peak > 0.001f, $"{audio.Name}: silent (peak {result.Peak})");
                }
                finally
                {
                    File.Delete(wav);
                }
            }
        }
    }

    [Fact]
    public void An_unknown_class_name_is_one_line_naming_the_bundle_and_the_factory_step()
    {
        var bundle = TestData.Bundle();
        var e = Assert.Throws<HostException>(() => HostInspector.Describe(bundle, "No Such Instrument"));
        Assert.Equal("factory", e.Step);
        Assert.StartsWith(bundle, e.Message, StringComparison.Ordinal);
        Assert.Contains("No Such Instrument", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
