using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Encoding;

/// <summary>Small musical sequences built by hand or from a seed, shared by the encoding and evaluation tests.</summary>
internal static class TestPieces
{
    public const int Tpq = NoteSequence.DefaultTicksPerQuarter;

    /// <summary>C4 D E F G A B C5 as quarter notes at 120 bpm (0.5 s each).</summary>
    public static NoteSequence CMajorScale(int transpose = 0, int velocity = 80)
    {
        var seq = new NoteSequence();
        int[] pitches = [60, 62, 64, 65, 67, 69, 71, 72];
        for (var i = 0; i < pitches.Length; i++) seq.AddNote(pitches[i] + transpose, velocity, i * Tpq, (i + 1) * Tpq);
        return seq;
    }

    /// <summary>I–IV–V–I in C as whole-note triads (one per 4/4 bar).</summary>
    public static NoteSequence Cadence()
    {
        var seq = new NoteSequence();
        int[][] chords = [[60, 64, 67], [65, 69, 72], [67, 71, 74], [60, 64, 67]];
        for (var bar = 0; bar < chords.Length; bar++)
            foreach (var p in chords[bar]) seq.AddNote(p, 90, bar * 4 * Tpq, (bar + 1) * 4 * Tpq);
        seq.Sort();
        return seq;
    }

    /// <summary>Seeded random polyphony: overlapping notes on up to three tracks, any pitch 21..108.</summary>
    public static NoteSequence RandomPolyphonic(int seed, int noteCount = 200, int tracks = 3, int ticksPerQuarter = Tpq)
    {
        var random = new Random(seed);
        var seq = new NoteSequence(ticksPerQuarter);
        long t = 0;
        for (var i = 0; i < noteCount; i++)
        {
            t += random.Next(0, ticksPerQuarter / 2 + 1);
            var length = random.Next(1, 4 * ticksPerQuarter);
            seq.AddNote(random.Next(21, 109), random.Next(1, 128), t, t + length, track: random.Next(tracks));
        }
        seq.Sort();
        return seq;
    }

    /// <summary>Seeded random melody on a 16th-note grid: one note at a time, with rests.</summary>
    public static NoteSequence RandomMelody(int seed, int noteCount, int[] durationsInSixteenths)
    {
        var random = new Random(seed);
        var seq = new NoteSequence();
        var sixteenth = Tpq / 4;
        long t = 0;
        for (var i = 0; i < noteCount; i++)
        {
            if (random.Next(4) == 0) t += sixteenth * durationsInSixteenths[random.Next(durationsInSixteenths.Length)];
            var d = sixteenth * durationsInSixteenths[random.Next(durationsInSixteenths.Length)];
            seq.AddNote(random.Next(48, 85), 100, t, t + d);
            t += d;
        }
        return seq;
    }
}
