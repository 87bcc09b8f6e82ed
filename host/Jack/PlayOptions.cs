using Euterpe.Core.Presets;
namespace Euterpe.Host.Jack;

/// <summary>What <c>euterpe play</c> asks for.</summary>
public sealed record PlayOptions(string Bundle)
{
    public string? MidiIn { get; init; }
    /// <summary>Preset name or folder, chosen on the plug-in's Model list as <c>render --preset</c> does.</summary>
    public string? Preset { get; init; }
    /// <summary>Which Audio Module Class of the bundle to play (null = the first).</summary>
    public string? ClassName { get; init; }
    /// <summary>How long to run; 0 = until the MIDI file has been played (plus two seconds), or 10 s without one.</summary>
    public double Seconds { get; init; }
    public double Tempo { get; init; } = 120;
    /// <summary>The JACK server to join (null = the default server).</summary>
    public string? ServerName { get; init; }
    public string ClientName { get; init; } = "euterpe";
    /// <summary>Connect our outputs to the physical playback ports (system:playback_*) when there are some.</summary>
    public bool ConnectPlayback { get; init; } = true;
    /// <summary>Stops the session early (Ctrl+C); the report still covers what was played.</summary>
    public CancellationToken Cancel { get; init; }
}
