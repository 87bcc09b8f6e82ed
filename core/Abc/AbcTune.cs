using Euterpe.Core.Music;

namespace Euterpe.Core.Abc;

/// <summary>One tune of an ABC file: its header fields as written, its body text, and the notes as performed (repeats played out).</summary>
public sealed class AbcTune
{
    public AbcTune(int referenceNumber, string? title, string meter, string unitLength, string key, string body,
        NoteSequence sequence, IReadOnlyList<AbcChordSymbol> chordSymbols, int line)
    {
        ReferenceNumber = referenceNumber;
        Title = title;
        Meter = meter;
        UnitLength = unitLength;
        Key = key;
        Body = body;
        Sequence = sequence;
        ChordSymbols = chordSymbols;
        Line = line;
    }

    /// <summary>The X: number.</summary>
    public int ReferenceNumber { get; }

    /// <summary>The first T: field, if any.</summary>
    public string? Title { get; }

    /// <summary>The M: field as written ("6/8", "C"); empty when absent.</summary>
    public string Meter { get; }

    /// <summary>The L: field as written, or the default ABC derives from the meter ("1/8", "1/16").</summary>
    public string UnitLength { get; }

    /// <summary>The K: field as written.</summary>
    public string Key { get; }

    /// <summary>The lines after K:, as written (as far as they were read: see <see cref="AbcReader.ReadTuneStart"/>).</summary>
    public string Body { get; }

    /// <summary>The performed notes: one track per voice, repeats and endings expanded, ties merged.</summary>
    public NoteSequence Sequence { get; }

    /// <summary>Guitar-chord symbols ("Am", "D7") at the ticks where they occur in the performance.</summary>
    public IReadOnlyList<AbcChordSymbol> ChordSymbols { get; }

    /// <summary>Line of the X: field in the source.</summary>
    public int Line { get; }
}
