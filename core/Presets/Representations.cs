namespace Euterpe.Core.Presets;

/// <summary>What a model's tensors mean; the manifest's "representation" must be one of these.</summary>
public static class Representations
{
    public const string PerformanceEvents = "performance-events";
    public const string NoteTokens = "note-tokens";
    public const string FftFrames = "fft-frames";
    /// <summary>ABC text, a character a token (<see cref="Encoding.AbcCharacterEncoding"/>).</summary>
    public const string AbcCharacters = "abc-characters";

    /// <summary>Features of each note of a part in, a correction of it out (the refine nets, core/Families/Refine).</summary>
    public const string NoteFeatures = "note-features";

    /// <summary>Whole clips of a beat grid × pitches (<see cref="Encoding.PianoRollEncoding"/>; the manifest's "pianoRoll" gives the grid).</summary>
    public const string PianoRoll = "piano-roll";

    public static IReadOnlyList<string> All { get; } = [PerformanceEvents, NoteTokens, FftFrames, AbcCharacters, NoteFeatures, PianoRoll];

    /// <summary>Representations whose models read and write token ids, and so need a vocabulary.</summary>
    public static bool IsTokenBased(string representation) => representation is PerformanceEvents or NoteTokens or AbcCharacters;
}
