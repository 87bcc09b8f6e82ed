using System.Buffers.Binary;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Midi;

/// <summary>
/// Thousands of seeded mutations of real songs: every read either succeeds or throws
/// <see cref="MidiFormatException"/>, within a time limit; what reads also writes and reads back the same.
/// </summary>
public class MidiFuzzTests
{
    private const int MutationsPerFile = 100;
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public void MutatedSongsReadOrFailCleanly()
    {
        var rng = new Random(20261122);
        int read = 0, rejected = 0;
        foreach (var source in MidiTestEnvironment.OpenMsxFiles())
        {
            var original = File.ReadAllBytes(source);
            var chunks = ChunkHeaderOffsets(original);
            for (var i = 0; i < MutationsPerFile; i++)
            {
                var (kind, data) = Mutate(original, chunks, rng);
                var label = $"{Path.GetFileName(source)} mutation {i} ({kind})";
                if (ReadGuarded(data, label)) read++; else rejected++;
            }
        }
        // Both outcomes must really happen, or the mutations test nothing.
        Assert.True(read > 100 && rejected > 100, $"{read} mutated files read, {rejected} rejected");
    }

    /// <summary>True when the bytes read (and then round-trip), false when they were rejected.</summary>
    private static bool ReadGuarded(byte[] data, string label)
    {
        var task = Task.Run(() =>
        {
            NoteSequence seq;
            try
            {
                seq = MidiFileReader.Read(data, label);
            }
            catch (MidiFormatException ex)
            {
                Assert.StartsWith(label + ": ", ex.Message, StringComparison.Ordinal);
                Assert.InRange(ex.Offset, 0, data.Length);
                return false;
            }
            var back = MidiFileReader.Read(MidiFileWriter.ToBytes(seq), "rewritten");
            Assert.Equal(Ordered(seq.Notes), Ordered(back.Notes));
            // The event level is lossless too: every parsed event is written and parsed back.
            var file = MidiFile.Parse(data, label);
            var again = MidiFile.Parse(file.ToBytes(), "rewritten");
            for (var t = 0; t < file.Tracks.Count; t++)
            {
                var events = file.Tracks[t].Events;
                // The writer ends a track that lacks an end-of-track event with one.
                var expected = events.Count > 0 && events[^1].IsEndOfTrack ? events : [.. events, MidiEvent.EndOfTrack(file.Tracks[t].EndTick)];
                Assert.Equal(expected, again.Tracks[t].Events);
            }
            return true;
        });
        if (!task.Wait(PerFileLimit)) Assert.Fail($"{label}: still reading after {PerFileLimit.TotalSeconds} s");
        return task.Result;
    }

    private static List<Note> Ordered(IEnumerable<Note> notes) =>
        [.. notes.OrderBy(n => n.StartTick).ThenBy(n => n.Track).ThenBy(n => n.Channel).ThenBy(n => n.Pitch).ThenBy(n => n.EndTick).ThenBy(n => n.Velocity)];

    private static (string Kind, byte[] Data) Mutate(byte[] original, List<int> chunkHeaders, Random rng)
    {
        var data = (byte[])original.Clone();
        switch (rng.Next(6))
        {
            case 0:
                for (var n = rng.Next(1, 9); n > 0; n--) data[rng.Next(data.Length)] ^= (byte)(1 << rng.Next(8));
                return ("bit flips", data);
            case 1:
                return ("truncation", data[..rng.Next(data.Length)]);
            case 2:
            {
                var at = rng.Next(data.Length + 1);
                var inserted = new byte[rng.Next(1, 17)];
                rng.NextBytes(inserted);
                return ("insertion", [.. data[..at], .. inserted, .. data[at..]]);
            }
            case 3:
            {
                var at = rng.Next(data.Length);
                return ("deletion", [.. data[..at], .. data[Math.Min(data.Length, at + rng.Next(1, 17))..]]);
            }
            case 4:
            {
                var header = chunkHeaders[rng.Next(chunkHeaders.Count)];
                var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(header + 4));
                uint corrupted = rng.Next(4) switch
                {
                    0 => (uint)rng.NextInt64(0, 1L << 32),
                    1 => 0xFFFF_FFFF,
                    2 => 0,
                    _ => (uint)(length + rng.Next(-8, 9)),
                };
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(header + 4), corrupted);
                return ("chunk length", data);
            }
            default:
            {
                // Runs of bytes with the top bit set: long VLQs, stray status bytes, bad data bytes.
                var at = rng.Next(data.Length);
                for (var j = at; j < Math.Min(data.Length, at + rng.Next(1, 7)); j++) data[j] = (byte)rng.Next(0x80, 0x100);
                return ("high bytes", data);
            }
        }
    }

    private static List<int> ChunkHeaderOffsets(byte[] data)
    {
        var offsets = new List<int>();
        for (var pos = 0; pos + 8 <= data.Length; pos += 8 + (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos + 4)))
            offsets.Add(pos);
        return offsets;
    }
}
