using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3.Tests;

/// <summary>
/// Struct sizes and field offsets as the SDK headers give them on x86_64 Linux (pack 16 = natural
/// alignment), measured with sizeof/offsetof by a C++ compiler over pluginterfaces 3.7.14.
/// </summary>
public class Vst3LayoutTests
{
    [Fact]
    public void SizesMatchTheSdk()
    {
        Assert.Equal(452, Unsafe.SizeOf<PFactoryInfo>());
        Assert.Equal(116, Unsafe.SizeOf<PClassInfo>());
        Assert.Equal(440, Unsafe.SizeOf<PClassInfo2>());
        Assert.Equal(696, Unsafe.SizeOf<PClassInfoW>());
        Assert.Equal(276, Unsafe.SizeOf<BusInfo>());
        Assert.Equal(12, Unsafe.SizeOf<RoutingInfo>());
        Assert.Equal(24, Unsafe.SizeOf<ProcessSetup>());
        Assert.Equal(24, Unsafe.SizeOf<AudioBusBuffers>());
        Assert.Equal(80, Unsafe.SizeOf<ProcessData>());
        Assert.Equal(112, Unsafe.SizeOf<ProcessContext>());
        Assert.Equal(48, Unsafe.SizeOf<Vst3Event>());
        Assert.Equal(20, Unsafe.SizeOf<NoteOnEvent>());
        Assert.Equal(16, Unsafe.SizeOf<NoteOffEvent>());
        Assert.Equal(792, Unsafe.SizeOf<ParameterInfo>());
        Assert.Equal(268, Unsafe.SizeOf<UnitInfo>());
        Assert.Equal(16, Unsafe.SizeOf<ViewRect>()); // SMTG_TYPE_SIZE_CHECK (ViewRect, 16, 16, 16, 16)
    }

    /// <summary>Xlib's XEvent and XImage on x86_64 as gcc gives them over /usr/include/X11/Xlib.h (sizeof, offsetof).</summary>
    [Fact]
    public void XlibLayoutsMatchTheHeaders()
    {
        Assert.Equal(192, Unsafe.SizeOf<Linux.XEvent>());
        Assert.Equal(16, (int)Marshal.OffsetOf<Linux.XImage>(nameof(Linux.XImage.Data)));
        Assert.Equal(44, (int)Marshal.OffsetOf<Linux.XImage>(nameof(Linux.XImage.BytesPerLine)));
        Assert.Equal(48, (int)Marshal.OffsetOf<Linux.XImage>(nameof(Linux.XImage.BitsPerPixel)));
        // A button event as the server lays it out: type 0, send_event 16, window 32, x 64, y 68, state 80, button 84.
        var e = Linux.XEvent.Pointer(Linux.Xlib.ButtonPress, 0x1234, 17, 23, Linux.Xlib.Button1Mask, 3);
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<Linux.XEvent>(in e));
        Assert.Equal(Linux.Xlib.ButtonPress, BitConverter.ToInt32(bytes[0..4]));
        Assert.Equal(1, BitConverter.ToInt32(bytes[16..20]));
        Assert.Equal(0x1234UL, BitConverter.ToUInt64(bytes[32..40]));
        Assert.Equal(17, BitConverter.ToInt32(bytes[64..68]));
        Assert.Equal(23, BitConverter.ToInt32(bytes[68..72]));
        Assert.Equal(Linux.Xlib.Button1Mask, BitConverter.ToUInt32(bytes[80..84]));
        Assert.Equal(3u, BitConverter.ToUInt32(bytes[84..88]));
        Assert.Equal((17, 23, 3u, (nuint)0x1234), (e.X, e.Y, e.Button, e.Window));
    }

    [Theory]
    [InlineData(typeof(PClassInfoW), nameof(PClassInfoW.ClassFlags), 180)]
    [InlineData(typeof(PClassInfoW), nameof(PClassInfoW.SubCategories), 184)]
    [InlineData(typeof(PClassInfoW), nameof(PClassInfoW.Vendor), 312)]
    [InlineData(typeof(PClassInfoW), nameof(PClassInfoW.SdkVersion), 568)]
    [InlineData(typeof(PClassInfo2), nameof(PClassInfo2.ClassFlags), 116)]
    [InlineData(typeof(PClassInfo2), nameof(PClassInfo2.SdkVersion), 376)]
    [InlineData(typeof(BusInfo), nameof(BusInfo.Name), 12)]
    [InlineData(typeof(BusInfo), nameof(BusInfo.BusType), 268)]
    [InlineData(typeof(BusInfo), nameof(BusInfo.Flags), 272)]
    [InlineData(typeof(ProcessSetup), nameof(ProcessSetup.SampleRate), 16)]
    [InlineData(typeof(AudioBusBuffers), nameof(AudioBusBuffers.SilenceFlags), 8)]
    [InlineData(typeof(AudioBusBuffers), nameof(AudioBusBuffers.ChannelBuffers), 16)]
    [InlineData(typeof(ProcessData), nameof(ProcessData.Inputs), 24)]
    [InlineData(typeof(ProcessData), nameof(ProcessData.Outputs), 32)]
    [InlineData(typeof(ProcessData), nameof(ProcessData.InputParameterChanges), 40)]
    [InlineData(typeof(ProcessData), nameof(ProcessData.OutputParameterChanges), 48)]
    [InlineData(typeof(ProcessData), nameof(ProcessData.InputEvents), 56)]
    [InlineData(typeof(ProcessData), nameof(ProcessData.OutputEvents), 64)]
    [InlineData(typeof(ProcessData), nameof(ProcessData.ProcessContext), 72)]
    [InlineData(typeof(ProcessContext), nameof(ProcessContext.SampleRate), 8)]
    [InlineData(typeof(ProcessContext), nameof(ProcessContext.Tempo), 72)]
    [InlineData(typeof(ProcessContext), nameof(ProcessContext.TimeSigNumerator), 80)]
    [InlineData(typeof(ProcessContext), nameof(ProcessContext.ChordKeyNote), 88)]
    [InlineData(typeof(ProcessContext), nameof(ProcessContext.SmpteOffsetSubframes), 92)]
    [InlineData(typeof(ProcessContext), nameof(ProcessContext.FramesPerSecond), 96)]
    [InlineData(typeof(ProcessContext), nameof(ProcessContext.SamplesToNextClock), 104)]
    [InlineData(typeof(Vst3Event), nameof(Vst3Event.SampleOffset), 4)]
    [InlineData(typeof(Vst3Event), nameof(Vst3Event.PpqPosition), 8)]
    [InlineData(typeof(Vst3Event), nameof(Vst3Event.Flags), 16)]
    [InlineData(typeof(Vst3Event), nameof(Vst3Event.Type), 18)]
    [InlineData(typeof(Vst3Event), nameof(Vst3Event.NoteOn), 24)]
    [InlineData(typeof(NoteOnEvent), nameof(NoteOnEvent.Velocity), 8)]
    [InlineData(typeof(NoteOnEvent), nameof(NoteOnEvent.NoteId), 16)]
    [InlineData(typeof(NoteOffEvent), nameof(NoteOffEvent.NoteId), 8)]
    [InlineData(typeof(NoteOffEvent), nameof(NoteOffEvent.Tuning), 12)]
    [InlineData(typeof(ParameterInfo), nameof(ParameterInfo.Title), 4)]
    [InlineData(typeof(ParameterInfo), nameof(ParameterInfo.ShortTitle), 260)]
    [InlineData(typeof(ParameterInfo), nameof(ParameterInfo.Units), 516)]
    [InlineData(typeof(ParameterInfo), nameof(ParameterInfo.StepCount), 772)]
    [InlineData(typeof(ParameterInfo), nameof(ParameterInfo.DefaultNormalizedValue), 776)]
    [InlineData(typeof(ParameterInfo), nameof(ParameterInfo.UnitId), 784)]
    [InlineData(typeof(ParameterInfo), nameof(ParameterInfo.Flags), 788)]
    [InlineData(typeof(UnitInfo), nameof(UnitInfo.Name), 8)]
    [InlineData(typeof(UnitInfo), nameof(UnitInfo.ProgramListId), 264)]
    public void FieldOffsetsMatchTheSdk(Type type, string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf(type, field));
}
