using System.Buffers.Binary;
using Euterpe.Plugin.Generation;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// The component state a host saves in its project: "EUTP", int32 version, int32 count, then
/// (uint32 id, float64 normalized) pairs, little-endian. Version 2 appends the chosen preset as two
/// strings (int32 byte length + UTF-8): its manifest id and its folder (empty for a preset inside the bundle), so a
/// project finds its model again even when the list of presets (and so the "Model" slot) differs. The seed is a parameter. Unknown IDs are
/// skipped so newer states load in older builds and the other way round.
/// </summary>
public static class ParameterStateFormat
{
    public const int Version = 2;
    private const int MaxString = 4096;
    private static ReadOnlySpan<byte> Magic => "EUTP"u8;

    public static bool Write(HostStream stream, ReadOnlySpan<double> values, PresetReference preset)
    {
        Span<byte> header = stackalloc byte[12];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], values.Length);
        if (!stream.WriteAll(header)) return false;
        Span<byte> entry = stackalloc byte[12];
        for (var i = 0; i < values.Length; i++)
        {
            var definition = InstrumentParameters.All[i];
            BinaryPrimitives.WriteUInt32LittleEndian(entry, definition.Id);
            // Read-only values (Status) describe this session, not the project: saved as their default.
            BinaryPrimitives.WriteDoubleLittleEndian(entry[4..], definition.IsReadOnly ? definition.DefaultNormalized : values[i]);
            if (!stream.WriteAll(entry)) return false;
        }
        return WriteString(stream, preset.Id) && WriteString(stream, preset.Path);
    }

    /// <summary>Reads a state into <paramref name="values"/> (indexed like InstrumentParameters.All). False if it is not ours or is cut short.</summary>
    public static bool Read(HostStream stream, Span<double> values, out PresetReference preset)
    {
        preset = default;
        Span<byte> header = stackalloc byte[12];
        if (!stream.ReadExactly(header) || !header[..4].SequenceEqual(Magic)) return false;
        var version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version < 1 || count < 0 || count > 100_000) return false;
        Span<byte> entry = stackalloc byte[12];
        for (var i = 0; i < count; i++)
        {
            if (!stream.ReadExactly(entry)) return false;
            var index = InstrumentParameters.IndexOf(BinaryPrimitives.ReadUInt32LittleEndian(entry));
            var value = BinaryPrimitives.ReadDoubleLittleEndian(entry[4..]);
            if (index >= 0 && double.IsFinite(value)) values[index] = Math.Clamp(value, 0, 1);
        }
        if (version < 2) return true;
        if (!ReadString(stream, out var id) || !ReadString(stream, out var path)) return false;
        preset = new PresetReference(id, path);
        return true;
    }

    /// <summary>
    /// The preset the "Model" value chooses now (empty for "Off" or an empty slot). A preset inside the bundle is saved
    /// by id alone: its folder moves with wherever the bundle is installed (factory .vstpreset files are made in a
    /// temporary build folder), and the id finds it in any copy.
    /// </summary>
    public static PresetReference PresetOf(ReadOnlySpan<double> values)
    {
        var index = InstrumentParameters.IndexOf(ParameterId.Model);
        var slot = (int)InstrumentParameters.All[index].ToPlain(values[index]);
        if (PresetCatalog.Shared.AtSlot(slot) is not { } entry) return new PresetReference("", "");
        return new PresetReference(entry.Id, PresetCatalog.IsBundled(entry.Path) ? "" : entry.Path);
    }

    /// <summary>Points "Model" at the saved preset's slot in this machine's list when it is found there.</summary>
    public static void ResolveModel(PresetReference preset, Span<double> values)
    {
        if (string.IsNullOrEmpty(preset.Id) && string.IsNullOrEmpty(preset.Path)) return;
        var slot = PresetCatalog.Shared.SlotOf(preset.Id, preset.Path);
        if (slot < 0) return;
        var index = InstrumentParameters.IndexOf(ParameterId.Model);
        values[index] = InstrumentParameters.All[index].ToNormalized(slot);
    }

    private static bool WriteString(HostStream stream, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        return stream.WriteAll(length) && stream.WriteAll(bytes);
    }

    private static bool ReadString(HostStream stream, out string text)
    {
        text = "";
        Span<byte> length = stackalloc byte[4];
        if (!stream.ReadExactly(length)) return false;
        var n = BinaryPrimitives.ReadInt32LittleEndian(length);
        if (n < 0 || n > MaxString) return false;
        var bytes = new byte[n];
        if (!stream.ReadExactly(bytes)) return false;
        text = System.Text.Encoding.UTF8.GetString(bytes);
        return true;
    }
}
