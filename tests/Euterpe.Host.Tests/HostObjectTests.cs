using Euterpe.Vst3;

namespace Euterpe.Host.Tests;

/// <summary>The host-side interfaces, called through their native vtables as a plug-in would call them.</summary>
public unsafe class HostObjectTests
{
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

    [Fact]
    public void The_Status_value_string_is_the_components_status_text_in_messages_our_host_makes()
    {
        using var module = Vst3Module.Load(TestData.Bundle());
        using var plugin = PluginInstance.Create(module);
        var status = plugin.Parameters().Single(p => p.Title == "Status");
        // The chosen model loads on the plug-in's worker; the controller asks the component each time it shows the value.
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        string text;
        while (!(text = plugin.ValueText(status.Id, status.DefaultNormalized)).StartsWith("Playing ", StringComparison.Ordinal))
        {
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds < 60, $"status still \"{text}\"");
            Thread.Sleep(10);
        }
        // A request and a reply per question, all made by our IHostApplication.
        Assert.True(plugin.Host.MessagesCreated >= 2, $"{plugin.Host.MessagesCreated} messages");
    }

    private static nint Slot(nint self, int slot) => (*(nint**)self)[slot];
}
