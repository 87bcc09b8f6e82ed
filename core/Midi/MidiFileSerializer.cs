using System.Buffers.Binary;

namespace Euterpe.Core.Midi;

/// <summary>
/// Writes a <see cref="MidiFile"/> as Standard MIDI File bytes. Channel messages use running status;
/// after a meta or SysEx event the status byte is always written again, which every reader accepts.
/// A track whose last event is not end-of-track gets one, so the output is always well formed.
/// </summary>
internal static class MidiFileSerializer
{
    private const uint MaxVlq = 0x0FFF_FFFF;

    public static byte[] Serialize(MidiFile file)
    {
        using var stream = new MemoryStream();
        Serialize(file, stream);
        return stream.ToArray();
    }

    public static void Serialize(MidiFile file, Stream output)
    {
        // A format 0 file should hold one track, but one read with more is written as it was, for lossless round trips.
        if (file.Tracks.Count > ushort.MaxValue) throw new ArgumentException("too many tracks for a MIDI file", nameof(file));

        Span<byte> header = stackalloc byte[14];
        "MThd"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], 6);
        BinaryPrimitives.WriteUInt16BigEndian(header[8..], (ushort)file.Format);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)file.Tracks.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header[12..], file.Division.Raw);
        output.Write(header);

        var body = new MemoryStream();
        Span<byte> chunkHeader = stackalloc byte[8];
        foreach (var track in file.Tracks)
        {
            body.SetLength(0);
            WriteTrackBody(track, body);
            if (body.Length > uint.MaxValue) throw new ArgumentException("track too long for a MIDI chunk", nameof(file));
            "MTrk"u8.CopyTo(chunkHeader);
            BinaryPrimitives.WriteUInt32BigEndian(chunkHeader[4..], (uint)body.Length);
            output.Write(chunkHeader);
            output.Write(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
    }

    private static void WriteTrackBody(MidiTrack track, MemoryStream body)
    {
        long tick = 0;
        byte running = 0;
        foreach (var e in track.Events)
        {
            WriteDelta(body, e.Tick, ref tick);
            if (e.IsChannelMessage)
            {
                if (e.Data1 > 127 || e.Data2 > 127) throw new ArgumentException($"event {e} has a data byte above 127");
                if (e.Status != running) body.WriteByte(e.Status);
                running = e.Status;
                body.WriteByte(e.Data1);
                if (MidiEvent.DataLength(e.Status) == 2) body.WriteByte(e.Data2);
            }
            else if (e.IsMeta)
            {
                body.WriteByte(0xFF);
                body.WriteByte(e.MetaType);
                WritePayload(body, e.Payload);
                running = 0;
            }
            else if (e.IsSysEx)
            {
                body.WriteByte(e.Status);
                WritePayload(body, e.Payload);
                running = 0;
            }
            else
            {
                throw new ArgumentException($"status byte 0x{e.Status:X2} cannot be stored in a MIDI file");
            }
        }
        if (track.Events.Count == 0 || !track.Events[^1].IsEndOfTrack)
        {
            WriteDelta(body, tick, ref tick);
            body.Write([0xFF, MidiMetaType.EndOfTrack, 0]);
        }
    }

    private static void WriteDelta(MemoryStream body, long eventTick, ref long tick)
    {
        var delta = eventTick - tick;
        if (delta < 0) throw new ArgumentException($"events out of order: tick {eventTick} after tick {tick}");
        if (delta > MaxVlq) throw new ArgumentException($"gap of {delta} ticks is longer than a MIDI delta time can hold");
        WriteVlq(body, (uint)delta);
        tick = eventTick;
    }

    private static void WritePayload(MemoryStream body, byte[] payload)
    {
        if ((uint)payload.Length > MaxVlq) throw new ArgumentException("event payload too long for a MIDI file");
        WriteVlq(body, (uint)payload.Length);
        body.Write(payload);
    }

    internal static void WriteVlq(Stream output, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        var i = buffer.Length - 1;
        buffer[i] = (byte)(value & 0x7F);
        while ((value >>= 7) != 0) buffer[--i] = (byte)(0x80 | (value & 0x7F));
        output.Write(buffer[i..]);
    }
}
