using Euterpe.Core.Midi;

namespace Euterpe.Host;

/// <summary>
/// A MIDI file's notes as note on/off events at sample positions (the file's own tempo map gives the seconds).
/// At one sample, offs come before ons so a repeated pitch retriggers. All channels are sent, drums included:
/// a host plays what is on the track. A delay places the file later on the timeline, like a clip moved right.
/// </summary>
public static class MidiInputSchedule
{
    public static ScheduledEvent[] FromFile(string path, double sampleRate, double delaySeconds = 0)
    {
        var sequence = MidiFileReader.Read(path);
        var events = new List<ScheduledEvent>(sequence.Notes.Count * 2);
        foreach (var note in sequence.Notes)
        {
            var start = (long)Math.Round((note.StartSeconds + delaySeconds) * sampleRate);
            var end = Math.Max(start + 1, (long)Math.Round((note.EndSeconds + delaySeconds) * sampleRate));
            events.Add(new ScheduledEvent(start, true, (short)note.Pitch, note.Velocity / 127f, (short)note.Channel));
            events.Add(new ScheduledEvent(end, false, (short)note.Pitch, 0f, (short)note.Channel));
        }
        events.Sort((a, b) => a.Sample != b.Sample ? a.Sample.CompareTo(b.Sample) : a.IsNoteOn.CompareTo(b.IsNoteOn));
        return events.ToArray();
    }
}
