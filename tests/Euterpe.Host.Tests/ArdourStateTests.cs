using Xunit.Abstractions;

namespace Euterpe.Host.Tests;

/// <summary>
/// Euterpe's parameters in a real DAW's saved session: Ardour (headless, through its Lua tool) moves every automatable
/// parameter off its default, saves the session, and opens it again in a fresh process; each must come back as saved
/// (scripts/ardour-state-check.sh). Ardour is a dependency (scripts/install-deps.sh); without it the test fails and says so.
/// </summary>
[Collection(PluginInstanceCollection.Name)]
public class ArdourStateTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_parameter_survives_an_Ardour_session_save_and_load()
    {
        Assert.True(File.Exists("/usr/bin/ardour7-lua"), "ardour7-lua not found: install Ardour (scripts/install-deps.sh does)");
        TestData.Bundle(); // the bundle the script loads is built
        var (_, exitCode, stdout, stderr, _) = ProcessRunner.Run("bash", [RepositoryRoot.Combine("scripts", "ardour-state-check.sh")],
            new Dictionary<string, string>(), TimeSpan.FromMinutes(5), RepositoryRoot.Path);
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        Assert.True(exitCode == 0, $"ardour-state-check failed:\n{stdout}\n{stderr}");
        Assert.Contains("PASS", stdout);
        foreach (var name in new[] { "Walk_Rate", "Theme_Return", "Theme_Store", "Humanize", "Roll_Threshold", "Pitch" })
            Assert.Contains(name + " ", stdout);
    }
}
