namespace Euterpe.TestSupport.Mutants;

/// <summary>The writing commands a kill mutant interrupts.</summary>
public enum KillTarget
{
    /// <summary><c>render</c>: a WAV and its MIDI.</summary>
    Render,
    /// <summary><c>generate</c> with a raw-audio preset: a WAV.</summary>
    GenerateWav,
    /// <summary><c>generate</c> with a note preset: a MIDI file.</summary>
    GenerateMidi,
    /// <summary><c>data prepare</c>: a cache folder.</summary>
    DataPrepare,
}
