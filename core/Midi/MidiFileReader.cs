using Euterpe.Core.Music;

namespace Euterpe.Core.Midi;

/// <summary>Reads Standard MIDI Files into <see cref="NoteSequence"/>s (see <see cref="NoteSequenceFromMidi"/> for the note rules).</summary>
public static class MidiFileReader
{
    /// <exception cref="MidiFormatException">The file is not a readable MIDI file.</exception>
    /// <exception cref="EuterpeException">The path is missing, not a regular file, or larger than <see cref="MidiFile.MaxFileBytes"/>.</exception>
    public static NoteSequence Read(string path) => Read(MidiFile.ReadBytes(path), path);

    /// <param name="data">The whole file.</param>
    /// <param name="sourceName">Name used in error messages.</param>
    public static NoteSequence Read(ReadOnlySpan<byte> data, string sourceName) =>
        NoteSequenceFromMidi.Convert(MidiFileParser.Parse(data, sourceName), sourceName);

    /// <summary>Applies the note rules to an already parsed file.</summary>
    public static NoteSequence ToNoteSequence(MidiFile file, string sourceName) => NoteSequenceFromMidi.Convert(file, sourceName);
}
