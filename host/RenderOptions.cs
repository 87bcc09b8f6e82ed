using Euterpe.Core.Audio;
using Euterpe.Core.Presets;

namespace Euterpe.Host;

/// <summary>What <c>euterpe render</c> asks for.</summary>
public sealed record RenderOptions(string Bundle, double Seconds, string OutWav)
{
    public double Tempo { get; init; } = 120;
    public int TimeSigNumerator { get; init; } = 4;
    public int TimeSigDenominator { get; init; } = 4;
    public int SampleRate { get; init; } = 48000;
    public int Block { get; init; } = 512;
    public string? MidiIn { get; init; }
    /// <summary>Where the MIDI file starts on the timeline, in seconds.</summary>
    public double MidiInDelay { get; init; }
    public string? MidiOut { get; init; }
    public string? Preset { get; init; }
    /// <summary>A .vstpreset file whose state the plug-in starts from (instead of <see cref="Preset"/>).</summary>
    public string? VstPreset { get; init; }
    /// <summary>Which Audio Module Class of the bundle to play (null = the first).</summary>
    public string? ClassName { get; init; }
    public WavSampleFormat Format { get; init; } = WavSampleFormat.Float32;
    public IReadOnlyList<ParameterChange> ParameterChanges { get; init; } = [];
    /// <summary>Called after each block with the fraction done (0…1).</summary>
    public Action<double>? Progress { get; init; }
}
