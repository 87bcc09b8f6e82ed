using System.Text.Json;
using Euterpe.Host;

namespace Euterpe.Cli.Tests;

/// <summary>
/// <c>render --midi-out</c> with the multi-track preset: the plug-in's event bus carries notes on each family's channel
/// but no programs, so the file used to play every family as a piano (no program change at all); it now holds one track
/// per family with the manifest's program, as <c>generate</c> writes (read back by mido).
/// </summary>
public sealed class RenderMidiOutTests : IDisposable
{
    private readonly TempFolder _temp = new("euterpe-render-midi-out-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_multi_track_preset_renders_each_family_on_its_track_with_its_program()
    {
        var preset = RepositoryRoot.Combine("presets", "wgan-gp-mma");
        var midi = _temp.File("out.mid");
        var result = EuterpeProcess.Run(["render", "--plugin", BundleLocator.Default(), "--preset", preset, "--seconds", "8", "--out", _temp.File("out.wav"),
            "--midi-out", midi, "--quiet"], new Dictionary<string, string> { ["XDG_STATE_HOME"] = _temp.Path("state"), ["XDG_DATA_HOME"] = _temp.Path("data") });
        Assert.True(result.ExitCode == 0, result.Stderr);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json")));
        var programOf = new Dictionary<int, int>();
        foreach (var track in manifest.RootElement.GetProperty("pianoRoll").GetProperty("tracks").EnumerateArray())
            programOf.TryAdd(track.GetProperty("channel").GetInt32(), track.GetProperty("program").GetInt32());
        var notes = MidoNote.Read(midi);
        Assert.NotEmpty(notes);
        var pitched = notes.Where(n => n.Channel != 9).ToList();
        Assert.Contains(pitched, n => n.Program != 0);
        Assert.All(pitched, n => Assert.Equal(programOf[n.Channel], n.Program));
        // One track per family: each channel's notes on one track of their own.
        Assert.Equal(notes.Select(n => n.Channel).Distinct().Count(), notes.Select(n => n.Track).Distinct().Count());
        Assert.All(notes.GroupBy(n => n.Channel), g => Assert.Single(g.Select(n => n.Track).Distinct()));
    }
}
