namespace Euterpe.Core.Midi;

/// <summary>One MTrk chunk: its events in file order, with absolute ticks.</summary>
public sealed class MidiTrack
{
    public MidiTrack()
    {
    }

    public MidiTrack(IEnumerable<MidiEvent> events) => Events.AddRange(events);

    public List<MidiEvent> Events { get; } = [];

    /// <summary>Tick of the last event (normally the end-of-track event); 0 when empty.</summary>
    public long EndTick => Events.Count == 0 ? 0 : Events[^1].Tick;

    /// <summary>The first track-name meta event's text, if any.</summary>
    public string? Name => FirstText(MidiMetaType.TrackName);

    /// <summary>The first instrument-name meta event's text, if any.</summary>
    public string? InstrumentName => FirstText(MidiMetaType.InstrumentName);

    private string? FirstText(byte metaType)
    {
        foreach (var e in Events)
        {
            if (e.IsMeta && e.MetaType == metaType) return e.Text;
        }
        return null;
    }
}
