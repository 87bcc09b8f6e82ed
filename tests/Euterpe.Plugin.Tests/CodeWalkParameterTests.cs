using Euterpe.Core.Families.SeqAe;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;
using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests;

/// <summary>
/// The seq-ae's code-walk parameters (Walk Rate as % of the preset's measured rate, Theme Return, Theme Store): their
/// units and defaults, which play what `generate` plays without options; what they set on the shipped preset's walk;
/// and a component state round trip.
/// </summary>
public unsafe class CodeWalkParameterTests
{
    private static ParameterDefinition Definition(uint id) => InstrumentParameters.All[InstrumentParameters.IndexOf(id)];

    [Fact]
    public void The_walk_parameters_are_percentages_whose_defaults_are_generates()
    {
        Assert.Equal(("Walk Rate", "%", 0.0, 400.0, 100.0), Describe(Definition(ParameterId.WalkRate)));
        Assert.Equal(("Theme Return", "%", 0.0, 100.0, 50.0), Describe(Definition(ParameterId.ThemeReturn)));
        Assert.Equal(("Theme Store", "%", 0.0, 100.0, 10.0), Describe(Definition(ParameterId.ThemeStore)));
        var controls = InstrumentParameters.ControlsOf(InstrumentParameters.Defaults());
        Assert.Equal((100.0, 50.0, 10.0), (controls.WalkRatePercent, controls.ThemeReturnPercent, controls.ThemeStorePercent));

        using var generator = SeqAeFamily.Open(Preset.Open(RepositoryRoot.Combine("presets", "seq-ae-openmsx")));
        var (rate, back, store) = (generator.WalkRate, generator.ThemeReturn, generator.ThemeStore);
        generator.SteerWalk(new CodeWalkSteering(controls.WalkRatePercent / 100, controls.ThemeReturnPercent / 100, controls.ThemeStorePercent / 100));
        Assert.Equal((rate, back, store), (generator.WalkRate, generator.ThemeReturn, generator.ThemeStore));
        Assert.InRange(generator.MeasuredWalkRate, 0.5, 3); // the preset's held-out measure (1.09)
        Assert.Equal(generator.MeasuredWalkRate, generator.WalkRate);

        generator.SteerWalk(new CodeWalkSteering(2.5, 1, 0));
        Assert.Equal(2.5 * generator.MeasuredWalkRate, generator.WalkRate, 12);
        Assert.Equal((1.0, 0.0), (generator.ThemeReturn, generator.ThemeStore));
        generator.SteerWalk(new CodeWalkSteering(400, 0, 0)); // never past the code's bits
        Assert.Equal(generator.CodeBits, generator.WalkRate);
    }

    private static (string, string, double, double, double) Describe(ParameterDefinition d) => (d.Title, d.Units, d.Min, d.Max, d.DefaultPlain);

    [Fact]
    public void The_walk_parameters_survive_a_state_save_and_load()
    {
        var (walk, back, store) = (Definition(ParameterId.WalkRate), Definition(ParameterId.ThemeReturn), Definition(ParameterId.ThemeStore));
        var stream = new MemoryBStream();
        using (var first = new InstrumentHost())
        {
            first.ParameterChanges.Add(ParameterId.WalkRate, 0, walk.ToNormalized(250));
            first.ParameterChanges.Add(ParameterId.ThemeReturn, 0, back.ToNormalized(80));
            first.ParameterChanges.Add(ParameterId.ThemeStore, 0, store.ToNormalized(5));
            InstrumentHost.Check(first.Process(32), "process");
            InstrumentHost.Check(Vtable.CallInt(first.Component, InstrumentHost.ComponentGetState, stream.InterfacePointer()), "getState");
        }
        using (var second = new InstrumentHost())
        {
            stream.Rewind();
            InstrumentHost.Check(Vtable.CallInt(second.Component, InstrumentHost.ComponentSetState, stream.InterfacePointer()), "setState");
            var again = new MemoryBStream();
            InstrumentHost.Check(Vtable.CallInt(second.Component, InstrumentHost.ComponentGetState, again.InterfacePointer()), "getState");
            Assert.Equal(stream.Contents.ToArray(), again.Contents.ToArray());
            again.Release();
        }
        var factory = InstrumentHost.GetFactory();
        var controller = InstrumentHost.CreateInstance(factory, PluginIdentity.ControllerCid, Vst3Iids.IEditController);
        try
        {
            InstrumentHost.Check(Vtable.CallInt(controller, 3, 0), "controller initialize");
            stream.Rewind();
            Assert.Equal(Vst3Result.Ok, Vtable.CallInt(controller, 5, stream.InterfacePointer()));
            var getNormalized = (delegate* unmanaged[Cdecl]<nint, uint, double>)Vtable.Slot(controller, 14);
            Assert.Equal(250, walk.ToPlain(getNormalized(controller, ParameterId.WalkRate)), 6);
            Assert.Equal(80, back.ToPlain(getNormalized(controller, ParameterId.ThemeReturn)), 6);
            Assert.Equal(5, store.ToPlain(getNormalized(controller, ParameterId.ThemeStore)), 6);
        }
        finally
        {
            Vtable.Release(controller);
            Vtable.Release(factory);
            stream.Release();
        }
    }
}
