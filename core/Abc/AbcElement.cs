using Euterpe.Core.Music;

namespace Euterpe.Core.Abc;

internal enum AbcElementKind
{
    Note,        // one note or a [chord]: Pitches sound together for Duration
    Rest,
    Bar,
    RepeatStart,
    RepeatEnd,
    Ending,      // a first/second ending marker: Endings lists the passes it plays on
    ChordSymbol,
    Meter,
    Tempo,
    Key,
    Part,        // P:X in the body: the start of part X (Text)
}

/// <summary>One parsed item of a voice, before repeats are expanded and times assigned.</summary>
internal sealed class AbcElement
{
    public AbcElement(AbcElementKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public AbcElementKind Kind { get; }

    public int Line { get; }

    public AbcFraction Duration { get; set; } = AbcFraction.Zero;

    public int[] Pitches { get; set; } = [];

    /// <summary>Per pitch: whether a tie (-) continues it into the next note of the same pitch.</summary>
    public bool[] Tied { get; set; } = [];

    /// <summary>For bars: || , |] or [| (the end of a section).</summary>
    public bool IsDoubleBar { get; set; }

    /// <summary>Per pitch: the letter index and octave it was written with.</summary>
    public (int Letter, int Octave)[] Spellings { get; set; } = [];

    public string? Text { get; set; }

    public int[] Endings { get; set; } = [];

    public TimeSignature Meter { get; set; }

    public int MicrosecondsPerQuarter { get; set; }

    public KeySignature Key { get; set; }
}
