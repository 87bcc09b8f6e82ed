using System.Globalization;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// Remembers the latest generated and played-in notes (a fixed ring, beats since the project start, tagged
/// with their restart epoch) and writes the last N bars as a Standard MIDI File at the host's tempo.
/// Recording allocates nothing; writing a clip (a user action, on the worker thread) may.
/// Clips cover the current run since the last restart (a loop or jump starts a new one).
/// </summary>
public sealed class ClipRecorder
{
    public const string EnvironmentVariable = "EUTERPE_CLIPS";
    private const int Capacity = 1 << 15;

    private readonly (double Beat, short Pitch, short Velocity, bool IsNoteOn, bool IsInput, int Epoch)[] _ring = new (double, short, short, bool, bool, int)[Capacity];
    private long _written;
    private int _counter;

    public void Add(double beat, int pitch, int velocity, bool isNoteOn, bool isInput, int epoch) =>
        _ring[_written++ & (Capacity - 1)] = (beat, (short)pitch, (short)velocity, isNoteOn, isInput, epoch);

    public static string DefaultFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Music", "Euterpe Clips");
    }

    /// <summary>The notes of epoch <paramref name="epoch"/> sounding in [end - bars, end) as a sequence; notes still held end at the window's end.</summary>
    public NoteSequence Collect(double endBeat, double bars, double quartersPerBar, double tempo, int epoch)
    {
        const int ticksPerQuarter = NoteSequence.DefaultTicksPerQuarter;
        var startBeat = Math.Max(0, endBeat - bars * quartersPerBar);
        var sequence = new NoteSequence(ticksPerQuarter, new TempoMap(ticksPerQuarter, [TempoChange.FromBpm(0, tempo)]));
        var beatsPerBar = Math.Max(1, (int)Math.Round(quartersPerBar));
        sequence.TimeSignatures.Add(new TimeSignature(0, beatsPerBar, 4));
        var first = Math.Max(0, _written - Capacity);
        // Open notes per (source, pitch): start beat and velocity.
        var open = new (double Beat, int Velocity)?[2, 128];
        long Tick(double beat) => (long)Math.Round((beat - startBeat) * ticksPerQuarter);
        for (var i = first; i < _written; i++)
        {
            var e = _ring[i & (Capacity - 1)];
            if (e.Epoch != epoch || e.Beat >= endBeat || (uint)e.Pitch >= 128) continue;
            var source = e.IsInput ? 1 : 0;
            if (e.IsNoteOn)
            {
                if (open[source, e.Pitch] is { } held) AddNote(held.Beat, e.Beat, e.Pitch, held.Velocity, source);
                open[source, e.Pitch] = (e.Beat, e.Velocity);
            }
            else if (open[source, e.Pitch] is { } held)
            {
                AddNote(held.Beat, e.Beat, e.Pitch, held.Velocity, source);
                open[source, e.Pitch] = null;
            }
        }
        for (var source = 0; source < 2; source++)
            for (var pitch = 0; pitch < 128; pitch++)
                if (open[source, pitch] is { } held) AddNote(held.Beat, endBeat, pitch, held.Velocity, source);
        sequence.Sort();
        return sequence;

        void AddNote(double from, double to, int pitch, int velocity, int source)
        {
            if (to <= startBeat) return;
            from = Math.Max(from, startBeat);
            // Generated notes on channel 1 / track 0, played-in notes on channel 2 / track 1.
            sequence.AddNote(pitch, Math.Clamp(velocity, 1, 127), Tick(from), Math.Max(Tick(from) + 1, Tick(to)), channel: source, track: source);
        }
    }

    /// <summary>
    /// Writes the clip atomically as "Euterpe yyyy-MM-dd HH-mm-ss NNN.mid", never over an existing file; returns its path,
    /// or null when no note sounded in the window (an empty clip is litter in the user's folder, not a capture).
    /// </summary>
    public string? Write(string folder, double endBeat, double bars, double quartersPerBar, double tempo, int epoch)
    {
        var sequence = Collect(endBeat, bars, quartersPerBar, tempo, epoch);
        if (sequence.Notes.Count == 0) return null;
        Directory.CreateDirectory(folder);
        var stamp = DateTime.Now.ToString("yyyy-MM-dd HH-mm-ss", CultureInfo.InvariantCulture);
        string path;
        do
        {
            _counter++;
            path = Path.Combine(folder, $"Euterpe {stamp} {_counter:000}.mid");
        }
        while (File.Exists(path));
        MidiFileWriter.Write(sequence, path);
        return path;
    }
}
