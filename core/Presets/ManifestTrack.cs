namespace Euterpe.Core.Presets;

/// <summary>
/// One track of a multi-track piano-roll model's clips (the manifest's "pianoRoll" "tracks", in the model's channel
/// order): the instrument family it holds, and the General MIDI program and MIDI channel (0–15; 9 is channel 10, drums)
/// its notes are played with.
/// </summary>
public sealed class ManifestTrack
{
    public string Name { get; set; } = "";
    public int Program { get; set; }
    public int Channel { get; set; }
}
