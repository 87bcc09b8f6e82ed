using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Euterpe.Host.Jack;

namespace Euterpe.Host.Tests;

/// <summary>
/// A second JACK client with one MIDI output that plays a note on / note off every <see cref="Every"/> periods:
/// an independent sender for the player's JACK MIDI input.
/// </summary>
internal sealed unsafe class JackMidiSender : IDisposable
{
    private const int Every = 20;
    private readonly nint _client;
    private readonly nint _port;
    private GCHandle _self;
    private long _periods;
    private int _sent;

    public JackMidiSender(string server, string name)
    {
        var clientName = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        var serverName = System.Text.Encoding.UTF8.GetBytes(server + "\0");
        int status;
        fixed (byte* n = clientName)
        fixed (byte* s = serverName)
            _client = JackNative.ClientOpen(n, JackNative.NoStartServer | JackNative.ServerName, &status, s);
        Assert.True(_client != 0, $"jack: cannot open the sender client (status 0x{status:X})");
        _port = JackNative.PortRegister(_client, "midi_out", JackNative.MidiType, JackNative.PortIsOutput, 0);
        Assert.True(_port != 0, "jack: cannot register the sender's MIDI port");
        _self = GCHandle.Alloc(this);
        Assert.Equal(0, JackNative.SetProcessCallback(_client, &Process, (void*)GCHandle.ToIntPtr(_self)));
        Assert.Equal(0, JackNative.Activate(_client));
        PortName = Marshal.PtrToStringUTF8((nint)JackNative.PortName(_port))!;
    }

    public string PortName { get; }

    public int Sent => Volatile.Read(ref _sent);

    public bool ConnectTo(string destination) => JackNative.Connect(_client, PortName, destination) == 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Process(uint frames, void* arg)
    {
        var sender = (JackMidiSender)GCHandle.FromIntPtr((nint)arg).Target!;
        var buffer = JackNative.PortGetBuffer(sender._port, frames);
        JackNative.MidiClearBuffer(buffer);
        var period = sender._periods++;
        if (period % Every == 0)
        {
            var on = period / Every % 2 == 0;
            var message = stackalloc byte[3] { (byte)(on ? 0x90 : 0x80), 60, (byte)(on ? 100 : 0) };
            if (JackNative.MidiEventWrite(buffer, frames / 2, message, 3) == 0) Interlocked.Increment(ref sender._sent);
        }
        return 0;
    }

    public void Dispose()
    {
        JackNative.Deactivate(_client);
        JackNative.ClientClose(_client);
        if (_self.IsAllocated) _self.Free();
    }
}
