namespace Euterpe.Core.Generation;

/// <summary>What a model family's generator makes: note events (MIDI) or audio samples.</summary>
public enum GeneratedMedium
{
    Notes,
    Audio,
}
