namespace Euterpe.Core.Midi;

/// <summary>
/// The header's time division word: either ticks per quarter note (top bit clear) or an SMPTE
/// frame rate and ticks per frame (top bit set, frame rate stored as a negative byte).
/// </summary>
public readonly record struct MidiDivision(ushort Raw)
{
    public bool IsSmpte => (Raw & 0x8000) != 0;

    /// <summary>Ticks per quarter note; 0 for SMPTE division.</summary>
    public int TicksPerQuarter => IsSmpte ? 0 : Raw;

    /// <summary>The SMPTE format as stored: 24, 25, 29 (30 drop-frame) or 30; 0 for PPQ division.</summary>
    public int SmpteFormat => IsSmpte ? -(sbyte)(Raw >> 8) : 0;

    /// <summary>Frames per second (29.97 for format 29); 0 for PPQ division.</summary>
    public double FramesPerSecond => SmpteFormat == 29 ? 30000.0 / 1001.0 : SmpteFormat;

    /// <summary>Ticks per SMPTE frame; 0 for PPQ division.</summary>
    public int TicksPerFrame => IsSmpte ? Raw & 0xFF : 0;

    /// <summary>Ticks per second for SMPTE division; null for PPQ division.</summary>
    public double? TicksPerSecond => IsSmpte ? FramesPerSecond * TicksPerFrame : null;

    public static MidiDivision FromTicksPerQuarter(int ticksPerQuarter)
    {
        if (ticksPerQuarter is <= 0 or > 0x7FFF)
            throw new ArgumentOutOfRangeException(nameof(ticksPerQuarter), ticksPerQuarter, "ticks per quarter must be 1..32767");
        return new MidiDivision((ushort)ticksPerQuarter);
    }

    public static MidiDivision FromSmpte(int smpteFormat, int ticksPerFrame)
    {
        if (smpteFormat is not (24 or 25 or 29 or 30))
            throw new ArgumentOutOfRangeException(nameof(smpteFormat), smpteFormat, "SMPTE format must be 24, 25, 29 or 30");
        if (ticksPerFrame is <= 0 or > 255)
            throw new ArgumentOutOfRangeException(nameof(ticksPerFrame), ticksPerFrame, "ticks per frame must be 1..255");
        return new MidiDivision((ushort)(((byte)(sbyte)-smpteFormat << 8) | ticksPerFrame));
    }

    public override string ToString() => IsSmpte
        ? $"SMPTE {SmpteFormat} fps, {TicksPerFrame} ticks per frame"
        : $"{TicksPerQuarter} ticks per quarter note";
}
