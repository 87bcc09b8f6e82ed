using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Midi;

/// <summary>
/// Seeded random note sequences that a MIDI file can hold exactly: notes of one (track, channel, pitch) never
/// overlap (they may touch or have zero length), velocities are 1…127, and a channel's program depends only
/// on the channel and the bar, so simultaneous notes of a channel agree on it.
/// </summary>
internal static class GeneratedSequences
{
    private static readonly int[] Divisions = [96, 120, 192, 384, 480, 960];

    public static NoteSequence Create(int seed)
    {
        var rng = new Random(seed);
        var tpq = Divisions[rng.Next(Divisions.Length)];
        var tempos = Enumerable.Range(0, rng.Next(0, 5))
            .Select(_ => new TempoChange(rng.Next(0, tpq * 64), rng.Next(250_000, 1_500_001)))
            .ToList();
        var seq = new NoteSequence(tpq, new TempoMap(tpq, tempos)) { Title = $"Generated {seed}" };
        var tracks = rng.Next(1, 5);
        for (var t = 0; t < tracks; t++) seq.Tracks.Add(new TrackInfo(t, t == 0 ? null : $"Track {t}", t % 2 == 1 ? "Piano" : null));
        seq.TimeSignatures.Add(new TimeSignature(0, 4, 4));
        seq.TimeSignatures.Add(new TimeSignature(tpq * 16, 3, 8));
        seq.KeySignatures.Add(new KeySignature(0, rng.Next(-7, 8), rng.Next(2) == 1));

        var lastEnd = new Dictionary<(int, int, int), long>();
        var count = rng.Next(50, 400);
        for (var i = 0; i < count; i++)
        {
            var track = rng.Next(tracks);
            var channel = rng.Next(16);
            var pitch = rng.Next(128);
            long start = rng.Next(0, tpq * 64);
            if (lastEnd.TryGetValue((track, channel, pitch), out var end)) start = Math.Max(start, end) + (rng.Next(3) == 0 ? 0 : rng.Next(tpq));
            var length = rng.Next(6) == 0 ? 0 : rng.Next(1, tpq * 4);
            lastEnd[(track, channel, pitch)] = start + length;
            var program = (channel * 13 + (int)(start / (tpq * 4))) % 128;
            seq.AddNote(pitch, rng.Next(1, 128), start, start + length, channel, program, channel == 9, track);
        }
        for (var i = 0; i < 30; i++)
        {
            long tick = rng.Next(0, tpq * 64);
            var (track, channel) = (rng.Next(tracks), rng.Next(16));
            seq.ControlChanges.Add(new ControlChange(tick, seq.TempoMap.TickToSeconds(tick), channel, rng.Next(120), rng.Next(128), track));
            seq.PitchBends.Add(new PitchBend(tick, seq.TempoMap.TickToSeconds(tick), channel, rng.Next(-8192, 8192), track));
        }
        seq.Sort();
        return seq;
    }
}
