using System.Diagnostics;
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
    public async Task Ardour_bounces_the_music_the_instrument_generates()
    {
        Assert.True(File.Exists("/usr/bin/ardour7-lua"), "ardour7-lua not found: install Ardour (scripts/install-deps.sh does)");
        using var dir = new TempDir();
        const double Seconds = 10;
        var ours = OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), Seconds, dir.File("ours.wav")) { Tempo = 120, Block = 1024 });
        Assert.True(ours.OutputNoteOns > 10, $"our render has only {ours.OutputNoteOns} generated notes");

        var root = TestData.RepositoryRoot();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "ardour-check.sh"), Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["EUTERPE_OURS_WAV"] = dir.File("ours.wav");
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var (stdout, stderr) = (await stdoutTask, await stderrTask);
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        Assert.True(process.ExitCode == 0, $"ardour-check failed:\n{stdout}\n{stderr}");
        Assert.Contains("PASS", stdout);
    }
}
