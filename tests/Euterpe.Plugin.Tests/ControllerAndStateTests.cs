using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests;

/// <summary>The edit controller's parameters and the component state round trip, through the vtables.</summary>
public unsafe class ControllerAndStateTests
{
    private static nint CreateController(nint factory)
    {
        var controller = InstrumentHost.CreateInstance(factory, PluginIdentity.ControllerCid, Vst3Iids.IEditController);
        InstrumentHost.Check(Vtable.CallInt(controller, 3, 0), "controller initialize");
        return controller;
    }

    [Fact]
    public void ParametersHaveTitlesUnitsFlagsAndValueStrings()
    {
        var factory = InstrumentHost.GetFactory();
        var controller = CreateController(factory);
        try
        {
            var count = Vtable.CallInt(controller, 8);
            Assert.Equal(InstrumentParameters.All.Length, count);
            var infos = new Dictionary<uint, ParameterInfo>();
            for (var i = 0; i < count; i++)
            {
                ParameterInfo info;
                Assert.Equal(Vst3Result.Ok, Vtable.CallInt(controller, 9, i, (nint)(&info)));
                infos[info.Id] = info;
            }
            Assert.Equal(count, infos.Count);
            Assert.NotEqual(0, infos[ParameterId.Model].Flags & ParameterInfo.FlagIsList);
            var density = infos[ParameterId.Density];
            Assert.Equal("%", Vst3Strings.ReadUtf16(density.Units, 128));
            var bypass = infos[ParameterId.Bypass];
            Assert.NotEqual(0, bypass.Flags & ParameterInfo.FlagIsBypass);
            Assert.Equal(1, bypass.StepCount);
            var gain = infos[ParameterId.OutputGain];
            Assert.Equal("dB", Vst3Strings.ReadUtf16(gain.Units, 128));
            Assert.Equal("Output Gain", Vst3Strings.ReadUtf16(gain.Title, 128));

            var toString = (delegate* unmanaged[Cdecl]<nint, uint, double, char*, int>)Vtable.Slot(controller, 10);
            var fromString = (delegate* unmanaged[Cdecl]<nint, uint, char*, double*, int>)Vtable.Slot(controller, 11);
            var toPlain = (delegate* unmanaged[Cdecl]<nint, uint, double, double>)Vtable.Slot(controller, 12);
            var text = stackalloc char[128];
            // -6 dB sits at (−6 − (−60)) / 66 of the gain range.
            var minus6 = 54.0 / 66.0;
            Assert.Equal(Vst3Result.Ok, toString(controller, ParameterId.OutputGain, minus6, text));
            Assert.Equal("-6.00", Vst3Strings.ReadUtf16(text, 128));
            Assert.Equal(-6.0, toPlain(controller, ParameterId.OutputGain, minus6), 9);
            Assert.Equal(Vst3Result.Ok, toString(controller, ParameterId.Bypass, 1.0, text));
            Assert.Equal("On", Vst3Strings.ReadUtf16(text, 128));

            double parsed;
            Vst3Strings.WriteUtf16("-6 dB", text, 128);
            Assert.Equal(Vst3Result.Ok, fromString(controller, ParameterId.OutputGain, text, &parsed));
            Assert.Equal(minus6, parsed, 9);
            Vst3Strings.WriteUtf16("loud", text, 128);
            Assert.Equal(Vst3Result.False, fromString(controller, ParameterId.OutputGain, text, &parsed));
            Assert.Equal(Vst3Result.InvalidArgument, toString(controller, 999, 0.5, text));

            // The dcrnn's controls: Latent knobs fully down follow the seed ("Seed"), else set a z value −2…2.
            Assert.Equal(28u, ParameterId.Latent1);
            Assert.Equal((36u, 37u, 38u), (ParameterId.Morph, ParameterId.NewTheme, ParameterId.Form));
            Assert.Equal(Vst3Result.Ok, toString(controller, ParameterId.Latent1 + 7, 0, text));
            Assert.Equal("Seed", Vst3Strings.ReadUtf16(text, 128));
            var latent = InstrumentParameters.All[InstrumentParameters.IndexOf(ParameterId.Latent1 + 2)];
            Assert.Equal(Vst3Result.Ok, toString(controller, ParameterId.Latent1 + 2, latent.ToNormalized(1.5), text));
            Assert.Equal("1.50", Vst3Strings.ReadUtf16(text, 128));
            Vst3Strings.WriteUtf16("seed", text, 128);
            Assert.Equal(Vst3Result.Ok, fromString(controller, ParameterId.Latent1, text, &parsed));
            Assert.Equal(0, parsed);
            var morph = infos[ParameterId.Morph];
            Assert.Equal("%", Vst3Strings.ReadUtf16(morph.Units, 128));
            Assert.NotEqual(0, infos[ParameterId.Form].Flags & ParameterInfo.FlagIsList);
            Assert.Equal(Vst3Result.Ok, toString(controller, ParameterId.Form, 1.0, text));
            Assert.Equal("ABCAB", Vst3Strings.ReadUtf16(text, 128));
            Assert.Equal(Vst3Result.Ok, toString(controller, ParameterId.NewTheme, 1.0, text));
            Assert.Equal("Trigger", Vst3Strings.ReadUtf16(text, 128));
        }
        finally
        {
            Vtable.CallInt(controller, 4);
            Assert.Equal(0u, Vtable.Release(controller));
            Vtable.Release(factory);
        }
    }

    [Fact]
    public void StateRoundTripsIntoANewInstanceAndTheController()
    {
        var gain = InstrumentParameters.All[InstrumentParameters.IndexOf(ParameterId.OutputGain)];
        var stream = new MemoryBStream();
        using (var first = new InstrumentHost())
        {
            first.ParameterChanges.Add(ParameterId.OutputGain, 0, gain.ToNormalized(-12));
            first.ParameterChanges.Add(ParameterId.Seed, 0, 0.25);
            first.ParameterChanges.Add(ParameterId.Humanize, 0, 1);
            first.ParameterChanges.Add(ParameterId.Pitch, 0, 0.75);
            first.ParameterChanges.Add(ParameterId.RollThreshold, 0, 0.5);
            first.ParameterChanges.Add(ParameterId.Latent1 + 3, 0, 0.6);
            first.ParameterChanges.Add(ParameterId.Morph, 0, 0.4);
            first.ParameterChanges.Add(ParameterId.Form, 0, 0.75);
            first.ParameterChanges.Add(ParameterId.FillClip, 0, 1);
            InstrumentHost.Check(first.Process(32), "process");
            InstrumentHost.Check(Vtable.CallInt(first.Component, InstrumentHost.ComponentGetState, stream.InterfacePointer()), "getState");
        }
        var saved = stream.Contents.ToArray();
        Assert.Equal("EUTP"u8.ToArray(), saved[..4]);

        using (var second = new InstrumentHost())
        {
            stream.Rewind();
            InstrumentHost.Check(Vtable.CallInt(second.Component, InstrumentHost.ComponentSetState, stream.InterfacePointer()), "setState");
            var again = new MemoryBStream();
            InstrumentHost.Check(Vtable.CallInt(second.Component, InstrumentHost.ComponentGetState, again.InterfacePointer()), "getState");
            Assert.Equal(saved, again.Contents.ToArray());
            again.Release();
        }

        var factory = InstrumentHost.GetFactory();
        var controller = CreateController(factory);
        try
        {
            stream.Rewind();
            Assert.Equal(Vst3Result.Ok, Vtable.CallInt(controller, 5, stream.InterfacePointer()));
            var getNormalized = (delegate* unmanaged[Cdecl]<nint, uint, double>)Vtable.Slot(controller, 14);
            Assert.Equal(-12.0, gain.ToPlain(getNormalized(controller, ParameterId.OutputGain)), 9);
            Assert.Equal(0.25, getNormalized(controller, ParameterId.Seed));
            // The parameters added for the newer families (Humanize, Pitch, Roll Threshold) travel the same way.
            Assert.Equal(1.0, getNormalized(controller, ParameterId.Humanize));
            Assert.Equal(0.75, getNormalized(controller, ParameterId.Pitch));
            Assert.Equal(0.5, getNormalized(controller, ParameterId.RollThreshold));
            // The dcrnn's Latent 4, Morph and Form (AABA) too.
            Assert.Equal(0.6, getNormalized(controller, ParameterId.Latent1 + 3));
            Assert.Equal(0.4, getNormalized(controller, ParameterId.Morph));
            Assert.Equal(0.75, getNormalized(controller, ParameterId.Form));
            Assert.Equal(1.0, getNormalized(controller, ParameterId.FillClip));
        }
        finally
        {
            Vtable.Release(controller);
            Vtable.Release(factory);
            stream.Release();
        }
    }

    [Fact]
    public void ForeignOrTruncatedStateIsRefusedAndChangesNothing()
    {
        using var host = new InstrumentHost();
        var before = new MemoryBStream();
        InstrumentHost.Check(Vtable.CallInt(host.Component, InstrumentHost.ComponentGetState, before.InterfacePointer()), "getState");
        var truncated = before.Contents[..20].ToArray();
        foreach (var bytes in new[] { "not a state"u8.ToArray(), truncated, Array.Empty<byte>() })
        {
            var stream = new MemoryBStream(bytes);
            Assert.Equal(Vst3Result.False, Vtable.CallInt(host.Component, InstrumentHost.ComponentSetState, stream.InterfacePointer()));
            stream.Release();
        }
        var after = new MemoryBStream();
        InstrumentHost.Check(Vtable.CallInt(host.Component, InstrumentHost.ComponentGetState, after.InterfacePointer()), "getState");
        Assert.Equal(before.Contents.ToArray(), after.Contents.ToArray());
        before.Release();
        after.Release();
    }

    [Fact]
    public void MidiVolumeMapsToOutputGainAndTheRootUnitExists()
    {
        var factory = InstrumentHost.GetFactory();
        var controller = CreateController(factory);
        var mapping = Vtable.Query(controller, Vst3Iids.IMidiMapping);
        var units = Vtable.Query(controller, Vst3Iids.IUnitInfo);
        try
        {
            var assign = (delegate* unmanaged[Cdecl]<nint, int, short, short, uint*, int>)Vtable.Slot(mapping, 3);
            uint id = 999;
            Assert.Equal(Vst3Result.Ok, assign(mapping, 0, 0, 7, &id));
            Assert.Equal(ParameterId.OutputGain, id);
            Assert.Equal(Vst3Result.False, assign(mapping, 0, 0, 64, &id));

            Assert.Equal(1, Vtable.CallInt(units, 3));
            UnitInfo unit;
            Assert.Equal(Vst3Result.Ok, Vtable.CallInt(units, 4, 0, (nint)(&unit)));
            Assert.Equal(UnitInfo.NoParentUnitId, unit.ParentUnitId);
            Assert.Equal(0, Vtable.CallInt(units, 5));
        }
        finally
        {
            Vtable.Release(units);
            Vtable.Release(mapping);
            Vtable.Release(controller);
            Vtable.Release(factory);
        }
    }
}
