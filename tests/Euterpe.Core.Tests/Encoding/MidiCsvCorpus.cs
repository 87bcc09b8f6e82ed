using System.Globalization;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Encoding;

/// <summary>
/// Real songs for the tests, read through the independent `midicsv` tool (Debian package midicsv) so that these
/// tests do not depend on our own MIDI reader: note on/off pairs (first in, first out per track, channel and pitch),
/// tempos and time signatures. Channel 10 is drums.
/// </summary>
internal static class MidiCsvCorpus
{
    public const string Directory = "/usr/share/games/openttd/baseset/openmsx";

    private static readonly Lazy<IReadOnlyList<(string Name, NoteSequence Song)>> Cache =
        new(() => [.. Files().AsParallel().AsOrdered().Select(f => (Path.GetFileName(f), Read(f)))]);

    /// <summary>Every song, read once per test run (midicsv takes a while) — treat them as read-only.</summary>
    public static IReadOnlyList<(string Name, NoteSequence Song)> Songs => Cache.Value;

    public static string[] Files()
    {
        Assert.True(System.IO.Directory.Exists(Directory), $"{Directory} is missing: install the Debian package openttd-openmsx");
        var files = System.IO.Directory.GetFiles(Directory, "*.mid").Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length > 0, $"no .mid files in {Directory}");
        return files;
    }

    public static NoteSequence Read(string path)
    {
        var lines = ProcessRunner.Output("midicsv", path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Select(l => l.Split(',', StringSplitOptions.TrimEntries)).Where(r => r.Length >= 3).ToList();
        var division = int.Parse(rows.First(r => r[2] == "Header")[5], CultureInfo.InvariantCulture);
        var tempos = rows.Where(r => r[2] == "Tempo").Select(r => new TempoChange(L(r[1]), (int)L(r[3])));
        var seq = new NoteSequence(division, new TempoMap(division, tempos)) { Title = Path.GetFileName(path) };
        foreach (var r in rows.Where(r => r[2] == "Time_signature"))
            seq.TimeSignatures.Add(new TimeSignature(L(r[1]), (int)L(r[3]), 1 << (int)L(r[4])));

        var open = new Dictionary<(int Track, int Channel, int Pitch), Queue<(long Tick, int Velocity)>>();
        foreach (var r in rows)
        {
            if (r[2] is not ("Note_on_c" or "Note_off_c")) continue;
            var (track, tick, channel, pitch, velocity) = ((int)L(r[0]), L(r[1]), (int)L(r[3]), (int)L(r[4]), (int)L(r[5]));
            var key = (track, channel, pitch);
            if (r[2] == "Note_on_c" && velocity > 0)
            {
                if (!open.TryGetValue(key, out var q)) open[key] = q = new Queue<(long, int)>();
                q.Enqueue((tick, velocity));
            }
            else if (open.TryGetValue(key, out var q) && q.Count > 0)
            {
                var (start, v) = q.Dequeue();
                seq.AddNote(pitch, v, start, tick, channel, isDrum: channel == 9, track: track);
            }
        }
        seq.Sort();
        return seq;
    }

    private static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);
}
