namespace Euterpe.Core.Music;

/// <summary>Maps General MIDI programs to <see cref="InstrumentFamily"/>: drums by the drum flag or channel 10, the rest by program / 8.</summary>
public static class InstrumentFamilies
{
    public const int DrumChannel = 9; // channel 10 counted from one

    private static readonly string[] Names =
    [
        "Drums", "Piano", "Chromatic Percussion", "Organ", "Guitar", "Bass", "Strings", "Ensemble", "Brass", "Reed",
        "Pipe", "Synth Lead", "Synth Pad", "Synth Effects", "Ethnic", "Percussive", "Sound Effects",
    ];

    /// <summary>The family of a GM program (0…127) on a channel (0…15).</summary>
    public static InstrumentFamily Of(int program, bool isDrum = false, int channel = 0)
    {
        if (isDrum || channel == DrumChannel) return InstrumentFamily.Drums;
        if (program is < 0 or > 127) throw new ArgumentOutOfRangeException(nameof(program), program, "GM programs are 0…127");
        return (InstrumentFamily)(program / 8 + 1);
    }

    public static InstrumentFamily Of(Note note) => Of(note.Program, note.IsDrum, note.Channel);

    /// <summary>The dataset's name for a family ("Chromatic Percussion", "Synth Lead"…).</summary>
    public static string Name(InstrumentFamily family) => Names[(int)family];

    /// <summary>The first GM program of a family, a sensible default instrument; drums give 0 (use the drum channel).</summary>
    public static int FirstProgram(InstrumentFamily family) => family == InstrumentFamily.Drums ? 0 : ((int)family - 1) * 8;
}
