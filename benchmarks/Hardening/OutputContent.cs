using System.Buffers.Binary;

namespace Euterpe.Hardening;

/// <summary>Reads a written MIDI or WAV file just enough to say whether it is whole and whether it carries any music.</summary>
internal static class OutputContent
{
    /// <summary>Why the file at <paramref name="path"/> is cut short or malformed; null when its chunks add up (or it is another kind of file).</summary>
    public static string? Incomplete(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        if (path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
        {
            if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8)) return $"{name}: no RIFF header";
            var riff = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
            return riff + 8 == (uint)bytes.Length ? null : $"{name}: RIFF says {riff + 8} bytes, file has {bytes.Length}";
        }
        if (path.EndsWith(".mid", StringComparison.OrdinalIgnoreCase))
        {
            var at = 0;
            while (at + 8 <= bytes.Length) at += 8 + (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 4));
            return at == bytes.Length && bytes.Length >= 14 ? null : $"{name}: chunks do not add up to its {bytes.Length} bytes";
        }
        return null;
    }

    /// <summary>What a complete output lacks ("no notes", "silent", "NaN samples"); null when it carries music or is not MIDI/WAV.</summary>
    public static string? Empty(string path)
    {
        var name = Path.GetFileName(path);
        if (path.EndsWith(".mid", StringComparison.OrdinalIgnoreCase)) return NoteOns(File.ReadAllBytes(path)) == 0 ? $"{name}: no notes" : null;
        if (path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)) return Silence(File.ReadAllBytes(path)) is { } why ? $"{name}: {why}" : null;
        return null;
    }

    /// <summary>Note-ons with a velocity in a Standard MIDI File; 0 for a file that does not parse.</summary>
    public static int NoteOns(byte[] midi)
    {
        var notes = 0;
        for (var at = 14; at + 8 <= midi.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(midi.AsSpan(at + 4));
            var end = Math.Min(midi.Length, at + 8 + length);
            if (midi.AsSpan(at, 4).SequenceEqual("MTrk"u8)) notes += TrackNoteOns(midi, at + 8, end);
            at = at + 8 + length;
        }
        return notes;
    }

    private static int TrackNoteOns(byte[] m, int at, int end)
    {
        var notes = 0;
        byte status = 0;
        while (at < end)
        {
            while (at < end && (m[at++] & 0x80) != 0) { } // delta time
            if (at >= end) break;
            if (m[at] >= 0x80) status = m[at++];
            if (status == 0xFF || status is 0xF0 or 0xF7)
            {
                if (status == 0xFF) at++; // meta type
                var length = 0;
                while (at < end) { var b = m[at++]; length = (length << 7) | (b & 0x7F); if ((b & 0x80) == 0) break; }
                at += length;
                continue;
            }
            var kind = status & 0xF0;
            var size = kind is 0xC0 or 0xD0 ? 1 : 2;
            if (kind == 0x90 && at + 1 < end && m[at + 1] > 0) notes++;
            at += size;
        }
        return notes;
    }

    // PCM 16/24/32 or float 32: silent when every sample is 0, broken when any float is NaN or infinite.
    private static string? Silence(byte[] wav)
    {
        int format = 0, bits = 0;
        for (var at = 12; at + 8 <= wav.Length;)
        {
            var id = System.Text.Encoding.ASCII.GetString(wav, at, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(at + 4)), (uint)(wav.Length - at - 8));
            if (id == "fmt " && size >= 16)
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(at + 8));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(at + 22));
                if (format == 0xFFFE && size >= 26) format = BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(at + 32));
            }
            if (id == "data")
            {
                var data = wav.AsSpan(at + 8, size);
                if (format == 3 && bits == 32)
                {
                    var any = false;
                    for (var i = 0; i + 4 <= data.Length; i += 4)
                    {
                        var x = BinaryPrimitives.ReadSingleLittleEndian(data[i..]);
                        if (!float.IsFinite(x)) return "NaN or infinite samples";
                        any |= x != 0;
                    }
                    return any ? null : "silent";
                }
                return data.IndexOfAnyExcept((byte)0) < 0 ? "silent" : null;
            }
            at += 8 + size + (size & 1);
        }
        return "no data chunk";
    }
}
