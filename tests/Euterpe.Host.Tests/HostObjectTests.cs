using System.Text;
using Euterpe.Vst3;

namespace Euterpe.Host.Tests;

/// <summary>The host-side interfaces, called through their native vtables as a plug-in would call them.</summary>
public unsafe class HostObjectTests
{
    [Fact]
    public void IHostApplication_names_the_host_and_creates_messages_with_working_attribute_lists()
    {
        var host = new HostApplication();
        var self = host.InterfacePointer();
        var name = stackalloc char[128];
        Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, char*, int>)Slot(self, 3))(self, name));
        Assert.Equal(HostApplication.Name, Vst3Strings.ReadUtf16(name, 128));

        var cid = Vst3Iids.IMessage;
        var iid = Vst3Iids.IMessage;
        nint message = 0;
        Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)Slot(self, 4))(self, (byte*)&cid, (byte*)&iid, &message));
        Assert.NotEqual(0, message);

        fixed (byte* id = "Preset\0"u8)
            ((delegate* unmanaged[Cdecl]<nint, byte*, void>)Slot(message, 4))(message, id);
        var back = ((delegate* unmanaged[Cdecl]<nint, byte*>)Slot(message, 3))(message);
        Assert.Equal("Preset", Vst3Strings.ReadUtf8(back, 64));

        var list = ((delegate* unmanaged[Cdecl]<nint, nint>)Slot(message, 5))(message);
        Assert.NotEqual(0, list);
        fixed (byte* key = "count\0"u8)
        fixed (byte* blobKey = "blob\0"u8)
        fixed (byte* textKey = "path\0"u8)
        fixed (char* text = "folk/model.onnx\0")
        {
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, long, int>)Slot(list, 3))(list, key, 42));
            long value;
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, long*, int>)Slot(list, 4))(list, key, &value));
            Assert.Equal(42, value);
            double missing;
            Assert.NotEqual(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, double*, int>)Slot(list, 6))(list, key, &missing));

            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, char*, int>)Slot(list, 7))(list, textKey, text));
            var read = stackalloc char[64];
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, char*, uint, int>)Slot(list, 8))(list, textKey, read, 128));
            Assert.Equal("folk/model.onnx", Vst3Strings.ReadUtf16(read, 64));

            var bytes = System.Text.Encoding.ASCII.GetBytes("state bytes");
            fixed (byte* data = bytes)
                Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, void*, uint, int>)Slot(list, 9))(list, blobKey, data, (uint)bytes.Length));
            void* got;
            uint size;
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, void**, uint*, int>)Slot(list, 10))(list, blobKey, &got, &size));
            Assert.Equal(bytes, new ReadOnlySpan<byte>(got, (int)size).ToArray());
        }
        Assert.Equal(0u, ComPointer.Release(message));

        var unknown = Vst3Iids.IComponent;
        nint none = 1;
        Assert.Equal(Vst3Result.False, ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)Slot(self, 4))(self, (byte*)&unknown, (byte*)&unknown, &none));
        Assert.Equal(0, none);
        Assert.Equal(1, host.MessagesCreated);
        host.Release();
    }

    [Fact]
    public void IComponentHandler_records_edits_in_order_and_queues_performed_values_for_the_processor()
    {
        var handler = new ComponentHandler();
        var self = handler.InterfacePointer();
        ((delegate* unmanaged[Cdecl]<nint, uint, int>)Slot(self, 3))(self, 2);
        ((delegate* unmanaged[Cdecl]<nint, uint, double, int>)Slot(self, 4))(self, 2, 0.25);
        ((delegate* unmanaged[Cdecl]<nint, uint, double, int>)Slot(self, 4))(self, 2, 0.5);
        ((delegate* unmanaged[Cdecl]<nint, uint, int>)Slot(self, 5))(self, 2);
        ((delegate* unmanaged[Cdecl]<nint, int, int>)Slot(self, 6))(self, 1);
        Assert.Equal(
            [ComponentEditKind.BeginEdit, ComponentEditKind.PerformEdit, ComponentEditKind.PerformEdit, ComponentEditKind.EndEdit, ComponentEditKind.RestartComponent],
            handler.Edits.Select(e => e.Kind));
        Assert.Equal(1, handler.Edits[^1].Flags);
        var pending = new List<(uint, double)>();
        handler.DrainPending(pending);
        Assert.Equal([(2u, 0.25), (2u, 0.5)], pending);
        pending.Clear();
        handler.DrainPending(pending);
        Assert.Empty(pending);
        handler.Release();
    }

    [Fact]
    public void A_plugin_refusing_setupProcessing_is_reported_with_the_step_and_its_result()
    {
        var bundle = TestData.Bundle();
        using var module = Vst3Module.Load(bundle);
        using var plugin = PluginInstance.Create(module);
        var e = Assert.Throws<HostException>(() => plugin.Start(sampleRate: 0, maxBlock: 512, offline: true));
        Assert.Equal($"{bundle}: IAudioProcessor::setupProcessing: returned kInvalidArgument (2)", e.Message);
    }

    [Fact]
    public void Component_state_survives_a_set_and_get_round_trip_and_reaches_the_controller()
    {
        using var module = Vst3Module.Load(TestData.Bundle());
        using var plugin = PluginInstance.Create(module);
        var gain = plugin.Parameters().Single(p => p.Units == "dB");
        var state = plugin.GetComponentState();
        Assert.NotEmpty(state);
        plugin.SetComponentState(state);
        Assert.Equal(state, plugin.GetComponentState());
        Assert.Equal(gain.DefaultNormalized, plugin.GetControllerParameter(gain.Id), 9);
    }

    [Fact]
    public void State_with_no_model_chosen_round_trips_through_a_stream_that_refuses_null_writes()
    {
        // "Off" saves an empty preset reference; an empty write once failed the whole state in Steinberg's validator.
        using var module = Vst3Module.Load(TestData.Bundle());
        using var plugin = PluginInstance.Create(module);
        var model = plugin.Parameters().Single(p => p.Title == "Model");
        Assert.True(plugin.TryParseParameter(model.Id, "Off", out var off));
        plugin.Start(48000, 256, offline: false);
        using (var buffers = new ProcessBuffers(plugin, 48000, 256))
        {
            buffers.BeginBlock(256, 0, 120, 4, 4, playing: false);
            buffers.InputParameters.Add(model.Id, 0, off);
            buffers.Process();
        }
        plugin.Stop();
        var state = plugin.GetComponentState();
        plugin.SetControllerParameter(model.Id, 1.0 / 64);
        plugin.SetComponentState(state);
        Assert.Equal(off, plugin.GetControllerParameter(model.Id), 9);
        Assert.Equal(state, plugin.GetComponentState());
    }

    [Fact]
    public void Choosing_another_model_makes_the_controller_ask_the_host_to_reread_parameter_titles()
    {
        using var module = Vst3Module.Load(TestData.Bundle());
        using var plugin = PluginInstance.Create(module);
        var model = plugin.Parameters().Single(p => p.Title == "Model");
        Assert.True(plugin.TryParseParameter(model.Id, "event-rnn-openmsx", out var conditional));
        Assert.True(plugin.TryParseParameter(model.Id, "Off", out var off));
        plugin.SetControllerParameter(model.Id, conditional);
        var titled = plugin.Parameters().Select(p => p.Title).ToArray();
        var before = plugin.Handler.Edits.Count;

        plugin.SetControllerParameter(model.Id, off);
        var restart = Assert.Single(plugin.Handler.Edits.Skip(before));
        Assert.Equal(ComponentEditKind.RestartComponent, restart.Kind);
        Assert.NotEqual(0, restart.Flags & (1 << 4)); // kParamTitlesChanged
        // What the host re-reads is different: the conditional model's inputs named the Condition parameters.
        Assert.NotEqual(titled, plugin.Parameters().Select(p => p.Title).ToArray());

        // Setting the same model again changes nothing and asks for nothing.
        plugin.SetControllerParameter(model.Id, off);
        Assert.Equal(before + 1, plugin.Handler.Edits.Count);
    }

    private static nint Slot(nint self, int slot) => (*(nint**)self)[slot];
}
