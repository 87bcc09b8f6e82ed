using System.Buffers.Binary;

namespace Euterpe.Core.Midi;

/// <summary>
/// Parses Standard MIDI File bytes. Every length is checked against the bytes that are really there
/// before anything is allocated, and every loop consumes at least one byte, so bad input ends in a
/// <see cref="MidiFormatException"/> quickly and never in a hang or a huge allocation.
/// </summary>
internal static class MidiFileParser
{
    private const int MaxVlqBytes = 4;

    public static MidiFile Parse(ReadOnlySpan<byte> data, string sourceName)
    {
        if (data.Length == 0) throw Fail(sourceName, "empty file", 0);
        if (data.Length < 4 || !data[..4].SequenceEqual("MThd"u8)) throw Fail(sourceName, "not a MIDI file (no MThd header)", 0);
        if (data.Length < 8) throw Fail(sourceName, "file ends inside the header chunk", data.Length);
        var headerLength = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (headerLength < 6) throw Fail(sourceName, $"header chunk length {headerLength} is less than 6", 4);
        if (headerLength > (uint)(data.Length - 8)) throw Fail(sourceName, $"header chunk length {headerLength} runs past the end of the file ({data.Length} bytes)", 4);

        int format = BinaryPrimitives.ReadUInt16BigEndian(data[8..]);
        if (format > 2) throw Fail(sourceName, $"unsupported format {format}", 8);
        int declaredTracks = BinaryPrimitives.ReadUInt16BigEndian(data[10..]);
        var division = new MidiDivision(BinaryPrimitives.ReadUInt16BigEndian(data[12..]));
        CheckDivision(division, sourceName);

        var file = new MidiFile(format, division);
        var pos = 8 + (int)headerLength;
        // Read as many MTrk chunks as the header declares; other chunks are skipped, anything after the last track is ignored.
        while (file.Tracks.Count < declaredTracks)
        {
            if (pos == data.Length) throw Fail(sourceName, $"file ends after {file.Tracks.Count} of {declaredTracks} tracks", pos);
            if (data.Length - pos < 8) throw Fail(sourceName, "file ends inside a chunk header", data.Length);
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 4)..]);
            if (length > (uint)(data.Length - pos - 8)) throw Fail(sourceName, $"chunk length {length} runs past the end of the file ({data.Length} bytes)", pos + 4);
            if (data.Slice(pos, 4).SequenceEqual("MTrk"u8)) file.Tracks.Add(ParseTrack(data, pos + 8, (int)length, sourceName));
            pos += 8 + (int)length;
        }
        return file;
    }

    private static void CheckDivision(MidiDivision division, string sourceName)
    {
        if (division.IsSmpte)
        {
            if (division.SmpteFormat is not (24 or 25 or 29 or 30)) throw Fail(sourceName, $"unsupported SMPTE frame rate {division.SmpteFormat}", 12);
            if (division.TicksPerFrame == 0) throw Fail(sourceName, "SMPTE division with 0 ticks per frame", 13);
        }
        else if (division.TicksPerQuarter == 0)
        {
            throw Fail(sourceName, "division of 0 ticks per quarter note", 12);
        }
    }

    private static MidiTrack ParseTrack(ReadOnlySpan<byte> data, int start, int length, string sourceName)
    {
        var chunk = data.Slice(0, start + length); // reads past the chunk end fail like reads past a file end
        var track = new MidiTrack();
        // Each event takes at least two bytes, which bounds the list before it is grown.
        track.Events.Capacity = Math.Min(length / 2, 1 << 16);
        var pos = start;
        long tick = 0;
        byte running = 0;
        while (pos < chunk.Length)
        {
            var eventOffset = pos;
            tick += ReadVlq(chunk, ref pos, sourceName);
            if (pos >= chunk.Length) throw Fail(sourceName, "track chunk ends inside an event", pos);
            var first = chunk[pos];
            byte status;
            if (first < 0x80)
            {
                if (running == 0) throw Fail(sourceName, $"data byte 0x{first:X2} with no running status", pos);
                status = running;
            }
            else
            {
                status = first;
                pos++;
            }

            if (status < 0xF0)
            {
                var count = MidiEvent.DataLength(status);
                if (chunk.Length - pos < count) throw Fail(sourceName, "track chunk ends inside a channel message", chunk.Length);
                var d1 = chunk[pos];
                if (d1 > 127) throw Fail(sourceName, $"data byte 0x{d1:X2} is greater than 127", pos);
                byte d2 = 0;
                if (count == 2)
                {
                    d2 = chunk[pos + 1];
                    if (d2 > 127) throw Fail(sourceName, $"data byte 0x{d2:X2} is greater than 127", pos + 1);
                }
                pos += count;
                running = status;
                track.Events.Add(new MidiEvent(tick, status, d1, d2, null, eventOffset));
            }
            else if (status == 0xFF)
            {
                if (pos >= chunk.Length) throw Fail(sourceName, "track chunk ends inside a meta event", pos);
                var type = chunk[pos++];
                var payload = ReadPayload(chunk, ref pos, sourceName, "meta event");
                // Meta events leave running status alone: the specification cancels it, but real files rely on it and no reader objects.
                track.Events.Add(new MidiEvent(tick, 0xFF, type, 0, payload, eventOffset));
            }
            else if (status is 0xF0 or 0xF7)
            {
                var payload = ReadPayload(chunk, ref pos, sourceName, "SysEx message");
                running = 0;
                track.Events.Add(new MidiEvent(tick, status, 0, 0, payload, eventOffset));
            }
            else
            {
                throw Fail(sourceName, $"status byte 0x{status:X2} is not allowed in a MIDI file", pos - 1);
            }
        }
        return track;
    }

    private static byte[] ReadPayload(ReadOnlySpan<byte> chunk, ref int pos, string sourceName, string what)
    {
        var lengthOffset = pos;
        var length = ReadVlq(chunk, ref pos, sourceName);
        if (length > chunk.Length - pos) throw Fail(sourceName, $"{what} length {length} runs past the end of the track chunk", lengthOffset);
        var payload = chunk.Slice(pos, (int)length).ToArray();
        pos += (int)length;
        return payload;
    }

    /// <summary>Reads a variable-length quantity of at most four bytes (values up to 0x0FFFFFFF).</summary>
    private static long ReadVlq(ReadOnlySpan<byte> chunk, ref int pos, string sourceName)
    {
        var start = pos;
        long value = 0;
        for (var i = 0; i < MaxVlqBytes; i++)
        {
            if (pos >= chunk.Length) throw Fail(sourceName, "track chunk ends inside a variable-length quantity", pos);
            var b = chunk[pos++];
            value = (value << 7) | (uint)(b & 0x7F);
            if (b < 0x80) return value;
        }
        throw Fail(sourceName, "variable-length quantity is longer than 4 bytes", start);
    }

    private static MidiFormatException Fail(string sourceName, string problem, long offset) => new(sourceName, problem, offset);
}
