using System.Runtime.InteropServices;

namespace Euterpe.Host.Jack;

/// <summary>The parts of libjack (jack/jack.h, jack/midiport.h) the player uses.</summary>
internal static unsafe partial class JackNative
{
    private const string Library = "libjack.so.0";

    public const int NoStartServer = 0x01;
    public const int ServerName = 0x04;
    public const ulong PortIsInput = 0x1;
    public const ulong PortIsOutput = 0x2;
    public const ulong PortIsPhysical = 0x4;
    public const string AudioType = "32 bit float mono audio";
    public const string MidiType = "8 bit raw midi";

    /// <summary>jack_midi_event_t: time, size, buffer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MidiEvent
    {
        public uint Time;
        public nuint Size;
        public byte* Buffer;
    }

    // jack_client_open is variadic; the one optional argument (the server name, with ServerName) goes where a fourth argument would.
    [LibraryImport(Library, EntryPoint = "jack_client_open")]
    public static partial nint ClientOpen(byte* name, int options, int* status, byte* serverName);

    [LibraryImport(Library, EntryPoint = "jack_set_error_function")]
    public static partial void SetErrorFunction(delegate* unmanaged[Cdecl]<byte*, void> function);

    [LibraryImport(Library, EntryPoint = "jack_set_info_function")]
    public static partial void SetInfoFunction(delegate* unmanaged[Cdecl]<byte*, void> function);

    [LibraryImport(Library, EntryPoint = "jack_client_close")]
    public static partial int ClientClose(nint client);

    [LibraryImport(Library, EntryPoint = "jack_port_register", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint PortRegister(nint client, string name, string type, ulong flags, ulong bufferSize);

    [LibraryImport(Library, EntryPoint = "jack_port_name")]
    public static partial byte* PortName(nint port);

    [LibraryImport(Library, EntryPoint = "jack_port_get_buffer")]
    public static partial void* PortGetBuffer(nint port, uint frames);

    [LibraryImport(Library, EntryPoint = "jack_set_process_callback")]
    public static partial int SetProcessCallback(nint client, delegate* unmanaged[Cdecl]<uint, void*, int> callback, void* arg);

    [LibraryImport(Library, EntryPoint = "jack_set_xrun_callback")]
    public static partial int SetXrunCallback(nint client, delegate* unmanaged[Cdecl]<void*, int> callback, void* arg);

    [LibraryImport(Library, EntryPoint = "jack_activate")]
    public static partial int Activate(nint client);

    [LibraryImport(Library, EntryPoint = "jack_deactivate")]
    public static partial int Deactivate(nint client);

    [LibraryImport(Library, EntryPoint = "jack_get_buffer_size")]
    public static partial uint GetBufferSize(nint client);

    [LibraryImport(Library, EntryPoint = "jack_get_sample_rate")]
    public static partial uint GetSampleRate(nint client);

    [LibraryImport(Library, EntryPoint = "jack_get_ports", StringMarshalling = StringMarshalling.Utf8)]
    public static partial byte** GetPorts(nint client, string? namePattern, string? typePattern, ulong flags);

    [LibraryImport(Library, EntryPoint = "jack_free")]
    public static partial void Free(void* pointer);

    [LibraryImport(Library, EntryPoint = "jack_connect", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Connect(nint client, string source, string destination);

    [LibraryImport(Library, EntryPoint = "jack_midi_get_event_count")]
    public static partial uint MidiGetEventCount(void* portBuffer);

    [LibraryImport(Library, EntryPoint = "jack_midi_clear_buffer")]
    public static partial void MidiClearBuffer(void* portBuffer);

    [LibraryImport(Library, EntryPoint = "jack_midi_event_write")]
    public static partial int MidiEventWrite(void* portBuffer, uint time, byte* data, nuint size);

    [LibraryImport(Library, EntryPoint = "jack_midi_event_get")]
    public static partial int MidiEventGet(MidiEvent* e, void* portBuffer, uint index);
}
