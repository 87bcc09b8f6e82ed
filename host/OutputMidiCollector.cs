using Euterpe.Core.Families.MultiTrackGan;
using Euterpe.Core.Midi;
using Euterpe.Core.Presets;
using Euterpe.Core.Music;
using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// Gathers the note events a plug-in puts on its event output bus and writes them as a Standard MIDI File at
/// the render's tempo. Ons and offs pair first-in first-out per (channel, pitch); notes still sounding at the
/// end close there.
/// </summary>
public sealed class OutputMidiCollector(double sampleRate, double tempo, int numerator, int denominator)
{
    private readonly Dictionary<(int Channel, int Pitch), Queue<(long Start, int Velocity)>> _open = [];
    private readonly List<(int Pitch, int Velocity, long Start, long End, int Channel)> _notes = [];

    public int NoteOns { get; private set; }

    public void Add(in Vst3Event e, long blockStart)
    {
        var at = blockStart + e.SampleOffset;
        if (e.Type == Vst3Event.TypeNoteOn && e.NoteOn.Velocity > 0)
        {
            NoteOns++;
            var key = (e.NoteOn.Channel, e.NoteOn.Pitch);
            if (!_open.TryGetValue(key, out var queue)) _open[key] = queue = new Queue<(long, int)>();
            queue.Enqueue((at, Math.Clamp((int)Math.Round(e.NoteOn.Velocity * 127), 1, 127)));
        }
        else if (e.Type == Vst3Event.TypeNoteOff || e.Type == Vst3Event.TypeNoteOn)
        {
            var channel = e.Type == Vst3Event.TypeNoteOff ? e.NoteOff.Channel : e.NoteOn.Channel;
            var pitch = e.Type == Vst3Event.TypeNoteOff ? e.NoteOff.Pitch : e.NoteOn.Pitch;
            if (_open.TryGetValue((channel, pitch), out var queue) && queue.TryDequeue(out var start))
                _notes.Add((pitch, start.Velocity, start.Start, at, channel));
        }
    }

    public NoteSequence ToSequence(long endSample)
    {
        var map = new TempoMap(NoteSequence.DefaultTicksPerQuarter, [TempoChange.FromBpm(0, tempo)]);
        var sequence = new NoteSequence(NoteSequence.DefaultTicksPerQuarter, map);
        sequence.TimeSignatures.Add(new TimeSignature(0, numerator, denominator));
        var notes = new List<(int Pitch, int Velocity, long Start, long End, int Channel)>(_notes);
        foreach (var ((channel, pitch), queue) in _open)
            foreach (var (start, velocity) in queue) notes.Add((pitch, velocity, start, endSample, channel));
        foreach (var n in notes.OrderBy(n => n.Start).ThenBy(n => n.Pitch))
            sequence.AddNoteSeconds(n.Pitch, n.Velocity, n.Start / sampleRate, Math.Max(n.End, n.Start + 1) / sampleRate, Math.Clamp(n.Channel, 0, 15));
        return sequence;
    }

    /// <summary>
    /// Writes the notes; with a multi-track preset's <paramref name="tracks"/>, one track per instrument family with
    /// its program, as `generate` writes that preset's notes (the event bus carries notes and channels, no programs).
    /// </summary>
    public void Write(string path, long endSample, IReadOnlyList<ManifestTrack>? tracks = null)
    {
        var sequence = ToSequence(endSample);
        if (tracks is { Count: > 0 })
        {
            var split = MultiTrackGanFamily.OneTrackPerFamily(sequence, tracks);
            split.TimeSignatures.AddRange(sequence.TimeSignatures);
            sequence = split;
        }
        MidiFileWriter.Write(sequence, path);
    }
}
