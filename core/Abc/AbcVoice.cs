namespace Euterpe.Core.Abc;

/// <summary>Parsing state of one voice (V:): its elements and the context that shapes the next note.</summary>
internal sealed class AbcVoice
{
    public AbcVoice(string id, int index, AbcHeaderState defaults)
    {
        Id = id;
        Index = index;
        Key = defaults.Key;
        UnitLength = defaults.UnitLength;
        MeterLength = defaults.MeterLength;
        MeterNumerator = defaults.MeterNumerator;
        Channel = defaults.Channel;
        Program = defaults.Program;
        BrokenRatio = defaults.BrokenRatio;
    }

    public string Id { get; }

    public int Index { get; }

    public List<AbcElement> Elements { get; } = [];

    public AbcKey Key { get; set; }

    public AbcFraction UnitLength { get; set; }

    /// <summary>Length of one bar in whole notes (for Z multi-bar rests).</summary>
    public AbcFraction MeterLength { get; set; }

    public int MeterNumerator { get; set; }

    /// <summary>MIDI channel 0…15 set by %%MIDI channel, or null for "next free one".</summary>
    public int? Channel { get; set; }

    public int Program { get; set; }

    public (int Longer, int Shorter) BrokenRatio { get; set; }

    /// <summary>
    /// Accidentals written earlier in this bar, by letter index. Like abc2midi they hold for the letter in
    /// every octave (=F then f plays f natural).
    /// </summary>
    public Dictionary<int, int> BarAccidentals { get; } = [];

    /// <summary>
    /// Pitches tied from the previous note, by (letter, octave): the note they tie into sounds the same pitch even
    /// across a bar line that has cleared the accidental.
    /// </summary>
    public Dictionary<(int Letter, int Octave), int> PendingTies { get; set; } = [];

    public int TupletRemaining { get; set; }

    public AbcFraction TupletFactor { get; set; } = new(1, 1);

    /// <summary>Factor the next note takes from a broken rhythm (&gt; or &lt;) just read.</summary>
    public AbcFraction? PendingBroken { get; set; }

    /// <summary>The last note or rest, which a broken rhythm or tie refers back to.</summary>
    public AbcElement? LastNote { get; set; }
}
