namespace Euterpe.Core.Music;

/// <summary>Shifts pitched notes by semitones; drum notes (drum flag or channel 10) keep their key numbers, which name sounds, not pitches.</summary>
public static class NoteTransposer
{
    public static NoteSequence Transpose(NoteSequence sequence, int semitones,
        TransposeRangePolicy policy = TransposeRangePolicy.Clamp, int lowest = 0, int highest = 127)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (lowest < 0 || highest > 127 || lowest > highest) throw new ArgumentOutOfRangeException(nameof(lowest), "range must lie within 0…127");
        var result = SequenceCopy.WithoutNotes(sequence);
        foreach (var note in sequence.Notes)
        {
            if (InstrumentFamilies.Of(note) == InstrumentFamily.Drums)
            {
                result.Notes.Add(note);
                continue;
            }
            var pitch = note.Pitch + semitones;
            if (pitch < lowest || pitch > highest)
            {
                switch (policy)
                {
                    case TransposeRangePolicy.Drop:
                        continue;
                    case TransposeRangePolicy.FoldOctaves:
                        while (pitch < lowest && pitch + 12 <= highest) pitch += 12;
                        while (pitch > highest && pitch - 12 >= lowest) pitch -= 12;
                        pitch = Math.Clamp(pitch, lowest, highest);
                        break;
                    default:
                        pitch = Math.Clamp(pitch, lowest, highest);
                        break;
                }
            }
            result.Notes.Add(note with { Pitch = pitch });
        }
        // The key moves with the notes: each semitone up is seven steps round the circle of fifths.
        result.KeySignatures.Clear();
        foreach (var key in sequence.KeySignatures)
        {
            var sharps = ((key.Sharps + 7 * semitones) % 12 + 12) % 12;
            if (sharps > 6) sharps -= 12; // prefer the spelling with fewer accidentals (F# over Gb at 6)
            result.KeySignatures.Add(key with { Sharps = sharps });
        }
        return result;
    }
}
