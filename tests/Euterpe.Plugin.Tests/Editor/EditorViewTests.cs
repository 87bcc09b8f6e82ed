using Euterpe.Plugin.Editor;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests.Editor;

/// <summary>
/// The editor's VST3 side without an X server, called through its vtable as a host calls it: which view names and
/// platform types it accepts, its size and constraints, and that it refuses to attach without the host's run loop.
/// The window itself is tested in Euterpe.Host.Tests (EditorWindowTests, under Xvfb).
/// </summary>
public unsafe class EditorViewTests
{
    [Fact]
    public void TheControllerMakesAnX11EditorOfTheDefaultSizeThatResizesWithinItsLimits()
    {
        var controller = new EuterpeController();
        try
        {
            fixed (byte* other = "generic\0"u8) Assert.Equal(0, controller.CreateView(other));
            nint view;
            fixed (byte* editor = "editor\0"u8) view = controller.CreateView(editor);
            Assert.NotEqual(0, view);
            try
            {
                fixed (byte* x11 = "X11EmbedWindowID\0"u8) Assert.Equal(Vst3Result.True, PlugViewCalls.IsPlatformTypeSupported(view, x11));
                fixed (byte* hwnd = "HWND\0"u8) Assert.Equal(Vst3Result.False, PlugViewCalls.IsPlatformTypeSupported(view, hwnd));
                var timer = ComPointer.Query(view, Vst3Iids.ITimerHandler);
                Assert.NotEqual(0, timer);
                ComPointer.Release(timer);
                ViewRect size;
                Assert.Equal(Vst3Result.Ok, PlugViewCalls.GetSize(view, &size));
                Assert.Equal((900, 520), (size.Width, size.Height));
                Assert.Equal(Vst3Result.True, PlugViewCalls.CanResize(view));
                var small = new ViewRect(10, 20, 110, 120);
                Assert.Equal(Vst3Result.Ok, PlugViewCalls.CheckSizeConstraint(view, &small));
                Assert.Equal((10, 20, 720, 440), (small.Left, small.Top, small.Width, small.Height));
                var large = new ViewRect(0, 0, 1300, 800);
                Assert.Equal(Vst3Result.Ok, PlugViewCalls.OnSize(view, &large));
                Assert.Equal(Vst3Result.Ok, PlugViewCalls.GetSize(view, &size));
                Assert.Equal((1300, 800), (size.Width, size.Height));
                // No IPlugFrame (so no IRunLoop): a Linux view has no way to get events and does not attach.
                fixed (byte* x11 = "X11EmbedWindowID\0"u8) Assert.Equal(Vst3Result.False, PlugViewCalls.Attached(view, 0x123, x11));
            }
            finally
            {
                Assert.Equal(0u, ComPointer.Release(view));
            }
        }
        finally
        {
            controller.Release();
        }
    }

    [Fact]
    public void FamilyControlsFollowWhatEachFamilyHonours()
    {
        var catalog = PresetCatalog.Scan([RepositoryRoot.Combine("presets")]);
        IReadOnlyList<uint> Of(string id) => FamilyControls.For(catalog.Entries.Single(e => e.Id == id));
        Assert.Contains(ParameterId.Temperature, Of("event-rnn-openmsx"));
        Assert.Contains(ParameterId.Condition1, Of("event-rnn-openmsx"));
        Assert.DoesNotContain(ParameterId.Latent1, Of("event-rnn-openmsx"));
        Assert.Contains(ParameterId.Latent1, Of("dcrnn-openmsx"));
        Assert.Contains(ParameterId.Form, Of("dcrnn-openmsx"));
        Assert.Contains(ParameterId.RollThreshold, Of("dcgan-openmsx"));
        Assert.Contains(ParameterId.WalkRate, Of("seq-ae-openmsx"));
        Assert.Contains(ParameterId.StoreTheme, Of("seq-ae-openmsx"));
        Assert.Contains(ParameterId.FillClip, Of("pix2pix-openmsx"));
        Assert.DoesNotContain(ParameterId.Key, Of("fft-lstm-bilinear-openmsx"));
        Assert.Contains(ParameterId.Temperature, Of("fft-lstm-bilinear-openmsx")); // its level head draws each frame's level
        Assert.Equal("conditional-event-rnn · trained on openmsx, 1000 steps",
            ModelInfo.Of(catalog.Entries.Single(e => e.Id == "event-rnn-openmsx")).Line);
    }

    [Fact]
    public void TheNoteTimelineKeepsTheNewestNotesAndNeverHandsOutATornOne()
    {
        var timeline = new NoteTimeline();
        for (var i = 0; i < NoteTimeline.Capacity + 100; i++) timeline.Add(Note(i));
        var copy = new TimelineNote[NoteTimeline.Capacity];
        Assert.Equal(NoteTimeline.Capacity, timeline.CopyLatest(copy));
        Assert.Equal(100, copy[0].Beat);
        Assert.Equal(NoteTimeline.Capacity + 99, copy[^1].Beat);

        // A writer laps the ring while a reader copies: every note read is one the writer wrote whole.
        var done = false;
        var writer = new Thread(() =>
        {
            for (var i = 0; i < 2_000_000; i++) timeline.Add(Note(i));
            Volatile.Write(ref done, true);
        });
        writer.Start();
        var checkedNotes = 0L;
        while (!Volatile.Read(ref done))
        {
            var n = timeline.CopyLatest(copy);
            for (var i = 0; i < n; i++)
            {
                var note = copy[i];
                Assert.Equal(Note((int)note.Beat), note);
            }
            checkedNotes += n;
        }
        writer.Join();
        Assert.True(checkedNotes > 0);
    }

    private static TimelineNote Note(int i) => new(i, (short)(i % 128), (short)(i % 127 + 1), i % 2 == 0, i / 7, (short)(i % 16), i % 3 == 0);
}
