using Euterpe.Core.Music;

namespace Euterpe.Core.Midi;

/// <summary>
/// Writes <see cref="NoteSequence"/>s as Standard MIDI Files that <see cref="MidiFileReader"/> reads back
/// to the same notes (see <see cref="MidiFromNoteSequence"/> for what the format cannot hold).
/// </summary>
public static class MidiFileWriter
{
    /// <summary>Writes atomically: readers see the old file or the whole new one.</summary>
    public static void Write(NoteSequence seq, string path)
    {
        var file = ToMidiFile(seq);
        AtomicFile.Write(path, stream => MidiFileSerializer.Serialize(file, stream));
    }

    public static byte[] ToBytes(NoteSequence seq) => MidiFileSerializer.Serialize(ToMidiFile(seq));

    /// <summary>The event-level file the sequence is written as.</summary>
    public static MidiFile ToMidiFile(NoteSequence seq) => MidiFromNoteSequence.Convert(seq);
}
