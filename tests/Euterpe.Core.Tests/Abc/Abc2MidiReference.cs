using System.Globalization;

namespace Euterpe.Core.Tests.Abc;

/// <summary>
/// The independent reference: abc2midi (Debian abcmidi) renders a tune to MIDI, python3-mido reads the notes back.
/// Times are in quarter notes.
/// </summary>
internal static class Abc2MidiReference
{
    public const string ExamplesDirectory = "/usr/share/doc/abcmidi/examples";

    // Pairs note-ons with note-offs per (channel, pitch), first in first out, and prints one line per note.
    private const string DumpScript = """
        import sys, mido
        m = mido.MidiFile(sys.argv[1])
        ppq = m.ticks_per_beat
        tempos = []
        for tr in m.tracks:
            t = 0
            for msg in tr:
                t += msg.time
                if msg.type == 'set_tempo':
                    tempos.append((t, msg.tempo))
        tempos.sort(key=lambda x: x[0])
        def seconds(tick):
            total, last, tempo = 0.0, 0, 500000
            for at, value in tempos:
                if at >= tick:
                    break
                total += (at - last) * tempo / 1e6 / ppq
                last, tempo = at, value
            return total + (tick - last) * tempo / 1e6 / ppq
        for tr in m.tracks:
            t = 0
            on = {}
            for msg in tr:
                t += msg.time
                if msg.type == 'note_on' and msg.velocity > 0:
                    on.setdefault((msg.channel, msg.note), []).append((t, msg.velocity))
                elif msg.type in ('note_off', 'note_on'):
                    k = (msg.channel, msg.note)
                    if on.get(k):
                        s, v = on[k].pop(0)
                        print(msg.channel, msg.note, repr(s / ppq), repr((t - s) / ppq), repr(seconds(s)), v)
        """;

    /// <summary>A note: channel, key number, start and duration in quarter notes, start in seconds, velocity.</summary>
    public readonly record struct RefNote(int Channel, int Pitch, double Start, double Duration, double StartSeconds = 0, int Velocity = 0);

    /// <summary>Runs abc2midi on tune <paramref name="reference"/> of <paramref name="abcFile"/>, guitar chords and grace notes off.</summary>
    public static List<RefNote> Render(string abcFile, int reference)
    {
        using var dir = new TempFolder("euterpe-abc-");
        var midi = dir.File("tune.mid");
        ProcessRunner.Run("abc2midi", [abcFile, reference.ToString(CultureInfo.InvariantCulture), "-NGUI", "-NGRA", "-silent", "-o", midi],
            timeout: TimeSpan.FromSeconds(30)).EnsureSuccess();
        if (!File.Exists(midi)) throw new InvalidOperationException($"abc2midi wrote no MIDI file for {abcFile} X:{reference}");
        var output = PythonRunner.RunCode(DumpScript, midi);
        var notes = new List<RefNote>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ');
            notes.Add(new RefNote(int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture),
                double.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture)));
        }
        return notes;
    }
}
