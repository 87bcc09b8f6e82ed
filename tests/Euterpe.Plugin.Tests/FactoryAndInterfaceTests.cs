using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests;

/// <summary>The factory, queryInterface and bus description, called through the vtables.</summary>
public unsafe class FactoryAndInterfaceTests
{
    [Fact]
    public void FactoryDescribesTheInstrumentAndItsController()
    {
        var factory = InstrumentHost.GetFactory();
        try
        {
            PFactoryInfo factoryInfo;
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, PFactoryInfo*, int>)Vtable.Slot(factory, 3))(factory, &factoryInfo));
            Assert.Equal("Euterpe", Vst3Strings.ReadUtf8(factoryInfo.Vendor, PFactoryInfo.NameSize));
            Assert.Equal(PFactoryInfo.FlagUnicode, factoryInfo.Flags);
            Assert.Equal(2, Vtable.CallInt(factory, 4));

            PClassInfo2 processor;
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, int, PClassInfo2*, int>)Vtable.Slot(factory, 7))(factory, 0, &processor));
            Assert.Equal("Audio Module Class", Vst3Strings.ReadUtf8(processor.Category, PClassInfo.CategorySize));
            Assert.Equal("Instrument|Synth", Vst3Strings.ReadUtf8(processor.SubCategories, PClassInfo2.SubCategoriesSize));
            Assert.Equal(PClassInfo.ManyInstances, processor.Cardinality);
            Assert.True(PluginIdentity.ProcessorCid.Matches(processor.Cid));
            // The product's one version, as Directory.Build.props sets it (and `euterpe --version` shows it).
            Assert.Equal(RepositoryRoot.ProductVersion(), Vst3Strings.ReadUtf8(processor.Version, PClassInfo2.VersionSize));

            PClassInfoW controller;
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, int, PClassInfoW*, int>)Vtable.Slot(factory, 8))(factory, 1, &controller));
            Assert.Equal("Component Controller Class", Vst3Strings.ReadUtf8(controller.Category, PClassInfo.CategorySize));
            Assert.Equal("Euterpe Controller", Vst3Strings.ReadUtf16(controller.Name, PClassInfo.NameSize));
            Assert.Equal("VST 3.7.14", Vst3Strings.ReadUtf16(controller.SdkVersion, PClassInfo2.VersionSize));
            Assert.Equal(RepositoryRoot.ProductVersion(), Vst3Strings.ReadUtf16(controller.Version, PClassInfo2.VersionSize));

            PClassInfo outOfRange;
            Assert.Equal(Vst3Result.InvalidArgument, ((delegate* unmanaged[Cdecl]<nint, int, PClassInfo*, int>)Vtable.Slot(factory, 5))(factory, 2, &outOfRange));
        }
        finally
        {
            Vtable.Release(factory);
        }
    }

    [Fact]
    public void CreateInstanceRefusesUnknownClassesAndInterfaces()
    {
        var factory = InstrumentHost.GetFactory();
        try
        {
            var unknown = Vst3Iids.IBStream;
            var iid = Vst3Iids.IComponent;
            nint result = 1;
            var rc = ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)Vtable.Slot(factory, 6))(factory, (byte*)&unknown, (byte*)&iid, &result);
            Assert.Equal(Vst3Result.NoInterface, rc);
            Assert.Equal(0, result);

            var cid = PluginIdentity.ProcessorCid;
            var wrongIid = Vst3Iids.IEditController;
            rc = ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)Vtable.Slot(factory, 6))(factory, (byte*)&cid, (byte*)&wrongIid, &result);
            Assert.Equal(Vst3Result.NoInterface, rc);
            Assert.Equal(0, result);
        }
        finally
        {
            Vtable.Release(factory);
        }
    }

    [Fact]
    public void ComponentAnswersItsInterfacesAndCountsReferences()
    {
        var factory = InstrumentHost.GetFactory();
        var component = InstrumentHost.CreateInstance(factory, PluginIdentity.ProcessorCid, Vst3Iids.IComponent);
        try
        {
            foreach (var iid in new[] { Vst3Iids.IAudioProcessor, Vst3Iids.IProcessContextRequirements, Vst3Iids.IConnectionPoint, Vst3Iids.IPluginBase, Vst3Iids.FUnknown })
            {
                Assert.Equal(Vst3Result.Ok, Vtable.QueryResult(component, iid, out var other));
                Assert.NotEqual(0, other);
                Vtable.Release(other);
            }
            Assert.Equal(Vst3Result.NoInterface, Vtable.QueryResult(component, Vst3Iids.IEditController, out var none));
            Assert.Equal(0, none);
            Assert.Equal(2u, Vtable.AddRef(component));
            Assert.Equal(1u, Vtable.Release(component));

            // Controller class id, as a host reads it to create the edit controller.
            var cid = default(Tuid);
            Assert.Equal(Vst3Result.Ok, Vtable.CallInt(component, 5, (nint)(&cid)));
            Assert.True(cid.Matches(PluginIdentity.ControllerCid));

            var requirements = Vtable.Query(component, Vst3Iids.IProcessContextRequirements);
            var flags = ((delegate* unmanaged[Cdecl]<nint, uint>)Vtable.Slot(requirements, 3))(requirements);
            Vtable.Release(requirements);
            Assert.NotEqual(0u, flags & IProcessContextRequirements.NeedTempo);
        }
        finally
        {
            Assert.Equal(0u, Vtable.Release(component));
            Vtable.Release(factory);
        }
    }

    [Fact]
    public void BusesAreMidiInGeneratedMidiOutAndStereoOut()
    {
        using var host = new InstrumentHost();
        int Count(int type, int direction) => ((delegate* unmanaged[Cdecl]<nint, int, int, int>)Vtable.Slot(host.Component, InstrumentHost.ComponentGetBusCount))(host.Component, type, direction);
        Assert.Equal(0, Count(BusInfo.MediaAudio, BusInfo.DirectionInput));
        Assert.Equal(1, Count(BusInfo.MediaAudio, BusInfo.DirectionOutput));
        Assert.Equal(1, Count(BusInfo.MediaEvent, BusInfo.DirectionInput));
        Assert.Equal(1, Count(BusInfo.MediaEvent, BusInfo.DirectionOutput));

        BusInfo info;
        var getInfo = (delegate* unmanaged[Cdecl]<nint, int, int, int, BusInfo*, int>)Vtable.Slot(host.Component, InstrumentHost.ComponentGetBusInfo);
        Assert.Equal(Vst3Result.Ok, getInfo(host.Component, BusInfo.MediaAudio, BusInfo.DirectionOutput, 0, &info));
        Assert.Equal(2, info.ChannelCount);
        Assert.Equal("Stereo Out", Vst3Strings.ReadUtf16(info.Name, 128));
        Assert.Equal(BusInfo.FlagDefaultActive, info.Flags);
        Assert.Equal(Vst3Result.Ok, getInfo(host.Component, BusInfo.MediaEvent, BusInfo.DirectionInput, 0, &info));
        Assert.Equal("MIDI In", Vst3Strings.ReadUtf16(info.Name, 128));
        Assert.Equal(Vst3Result.InvalidArgument, getInfo(host.Component, BusInfo.MediaAudio, BusInfo.DirectionOutput, 1, &info));

        ulong arrangement = 0;
        Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, int, int, ulong*, int>)Vtable.Slot(host.Processor, 4))(host.Processor, BusInfo.DirectionOutput, 0, &arrangement));
        Assert.Equal(Instrument.Euterpe.StereoArrangement, arrangement);
        var mono = 1UL;
        Assert.Equal(Vst3Result.False, ((delegate* unmanaged[Cdecl]<nint, ulong*, int, ulong*, int, int>)Vtable.Slot(host.Processor, 3))(host.Processor, null, 0, &mono, 1));
    }

    [Fact]
    public void ModuleInfoJsonMatchesTheFactory()
    {
        var path = RepositoryRoot.Combine("plugin", "Bundle", "moduleinfo.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var classes = json.RootElement.GetProperty("Classes");
        Assert.Equal(PluginIdentity.ProcessorCid.ToString(), classes[0].GetProperty("CID").GetString());
        Assert.Equal(PluginIdentity.ProcessorName, classes[0].GetProperty("Name").GetString());
        Assert.Equal(PluginIdentity.ControllerCid.ToString(), classes[1].GetProperty("CID").GetString());
        Assert.Equal(PluginIdentity.Version, json.RootElement.GetProperty("Version").GetString());
        Assert.Equal(PluginIdentity.Version, classes[0].GetProperty("Version").GetString());
        Assert.Equal(PluginIdentity.Version, classes[1].GetProperty("Version").GetString());
        Assert.Equal(PluginIdentity.SdkVersion, classes[0].GetProperty("SDKVersion").GetString());
        Assert.Equal(PluginIdentity.SubCategories, string.Join('|', classes[0].GetProperty("Sub Categories").EnumerateArray().Select(e => e.GetString())));
        Assert.Equal(PluginIdentity.Vendor, json.RootElement.GetProperty("Factory Info").GetProperty("Vendor").GetString());
    }

    [Fact]
    public void ComponentAndControllerConnectAndHoldEachOtherUntilDisconnected()
    {
        var factory = InstrumentHost.GetFactory();
        var component = InstrumentHost.CreateInstance(factory, PluginIdentity.ProcessorCid, Vst3Iids.IComponent);
        var controller = InstrumentHost.CreateInstance(factory, PluginIdentity.ControllerCid, Vst3Iids.IEditController);
        var componentPoint = Vtable.Query(component, Vst3Iids.IConnectionPoint);
        var controllerPoint = Vtable.Query(controller, Vst3Iids.IConnectionPoint);
        try
        {
            var controllerObject = ComObject.From<EuterpeController>(controller);
            var before = controllerObject.References;
            Assert.Equal(Vst3Result.Ok, Vtable.CallInt(componentPoint, 3, controllerPoint));
            Assert.Equal(Vst3Result.Ok, Vtable.CallInt(controllerPoint, 3, componentPoint));
            Assert.Equal(before + 1, controllerObject.References);
            // Connecting the same peer again keeps exactly one reference to it.
            Assert.Equal(Vst3Result.Ok, Vtable.CallInt(componentPoint, 3, controllerPoint));
            Assert.Equal(before + 1, controllerObject.References);
            Assert.Equal(Vst3Result.Ok, Vtable.CallInt(componentPoint, 4, controllerPoint));
            Assert.Equal(Vst3Result.Ok, Vtable.CallInt(controllerPoint, 4, componentPoint));
            Assert.Equal(before, controllerObject.References);
            Assert.Equal(Vst3Result.InvalidArgument, Vtable.CallInt(componentPoint, 4, controllerPoint));
        }
        finally
        {
            Vtable.Release(controllerPoint);
            Vtable.Release(componentPoint);
            Assert.Equal(0u, Vtable.Release(controller));
            Assert.Equal(0u, Vtable.Release(component));
            Vtable.Release(factory);
        }
    }
}
