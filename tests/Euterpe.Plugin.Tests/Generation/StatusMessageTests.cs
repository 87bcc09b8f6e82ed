using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// The controller's Status text comes from the component as IConnectionPoint messages, also when the host connects
/// the two through proxies (as Ardour and the validator do); messages are made only when the controller asks, on the
/// thread it is asked on, never by process().
/// </summary>
[Collection(nameof(AllocationTests))]
public class StatusMessageTests
{
    [Fact]
    public void TheStatusTextTravelsThroughTheHostsProxiesAndNeverFromTheAudioThread()
    {
        using var host = GenerationTests.Start(out var driver, seed: 3);
        var controller = new EuterpeController();
        InstrumentHost.Check(controller.Initialize(host.Application.InterfacePointer()), "controller initialize");
        var componentPoint = Vtable.Query(host.Component, Vst3Iids.IConnectionPoint);
        var controllerPoint = controller.InterfacePointer(1);
        var toController = new ConnectionProxy(componentPoint);
        var toComponent = new ConnectionProxy(controllerPoint);
        var status = InstrumentParameters.Find(ParameterId.Status)!;
        try
        {
            InstrumentHost.Check(Vtable.CallInt(toController.InterfacePointer(), 3, controllerPoint), "connect the component");
            InstrumentHost.Check(Vtable.CallInt(toComponent.InterfacePointer(), 3, componentPoint), "connect the controller");
            Assert.StartsWith("Playing A Test Performance LSTM", controller.ValueString(status, 0));
            Assert.Equal((1, 1), (toComponent.Forwarded, toController.Forwarded));
            // The reply named the component's feed: the editor reads its status, notes and playhead without messages.
            Assert.StartsWith("Playing A Test Performance LSTM", controller.Feed()?.StatusText);
            Assert.Equal((1, 1), (toComponent.Forwarded, toController.Forwarded));

            // Playing makes no messages: process() runs on the audio thread.
            var made = host.Application.MessagesCreated;
            driver.Run(1);
            Assert.Equal(made, host.Application.MessagesCreated);

            driver.Set(ParameterId.Model, TestPresets.SlotOf(TestPresets.CorruptId));
            driver.WaitFor(GenerationState.Error);
            Assert.Contains("model.onnx", controller.ValueString(status, 0));

            // Asked on another thread, the SDK's proxy drops the request: the controller shows the last text it heard.
            var last = controller.ValueString(status, 0);
            string? elsewhere = null;
            var thread = new Thread(() => elsewhere = controller.ValueString(status, 0));
            thread.Start();
            thread.Join();
            Assert.Equal(1, toComponent.Dropped);
            Assert.Equal(last, elsewhere);
        }
        finally
        {
            Vtable.CallInt(toController.InterfacePointer(), 4, controllerPoint);
            Vtable.CallInt(toComponent.InterfacePointer(), 4, componentPoint);
            Vtable.Release(componentPoint);
            toController.Release();
            toComponent.Release();
            controller.Terminate();
        }
    }

    [Fact]
    public void WithoutAConnectionTheStatusShowsTheStateName()
    {
        var controller = new EuterpeController();
        var status = InstrumentParameters.Find(ParameterId.Status)!;
        Assert.Equal("Error", controller.ValueString(status, 1));
        controller.Terminate();
    }
}
