namespace Euterpe.Training.Data;

/// <summary>How a prepared cache encodes its pieces.</summary>
public enum DataEncoding
{
    /// <summary>Performance-RNN events (<see cref="Core.Encoding.PerformanceEncoding"/>) plus per-piece conditioning features.</summary>
    Performance,

    /// <summary>Melody tokens (<see cref="Core.Encoding.MonophonicNoteEncoding"/>), stored as joint tokens.</summary>
    Notes,

    /// <summary>Piano-roll windows (<see cref="Core.Encoding.PianoRollEncoding"/>), float32 cells.</summary>
    PianoRoll,

    /// <summary>ABC tune bodies as characters (<see cref="Core.Encoding.AbcCharacterVocabulary"/>), with start and end markers.</summary>
    Abc,
}
