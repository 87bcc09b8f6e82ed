using Xunit.Abstractions;

namespace Euterpe.Host.Tests;

/// <summary>
/// Euterpe in a real DAW: Ardour (headless, through its Lua tool) loads the bundle on a MIDI track and bounces
/// ten seconds; the bounce must be the music our host renders with the same settings, to within Ardour's 16-bit dither.
/// Ardour is a dependency (scripts/install-deps.sh); without it the test fails and says so.
/// </summary>
[Collection(PluginInstanceCollection.Name)]
public class ArdourExportTests(ITestOutputHelper output)
{
    [Fact]
    public void Ardour_bounces_the_music_the_instrument_generates()
    {
        Assert.True(File.Exists("/usr/bin/ardour7-lua"), "ardour7-lua not found: install Ardour (scripts/install-deps.sh does)");
        using var dir = new TempFolder("euterpe-host-");
        const double Seconds = 10;
        var ours = OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), Seconds, dir.File("ours.wav")) { Tempo = 120, Block = 1024 });
        Assert.True(ours.OutputNoteOns > 10, $"our render has only {ours.OutputNoteOns} generated notes");

        var (_, exitCode, stdout, stderr, _) = ProcessRunner.Run("bash", [RepositoryRoot.Combine("scripts", "ardour-check.sh"), Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string> { ["EUTERPE_OURS_WAV"] = dir.File("ours.wav") }, TimeSpan.FromMinutes(5), RepositoryRoot.Path);
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        Assert.True(exitCode == 0, $"ardour-check failed:\n{stdout}\n{stderr}");
        Assert.Contains("PASS", stdout);
    }
}
