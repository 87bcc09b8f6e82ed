using Euterpe.Vst3.Linux;

namespace Euterpe.Host.Tests;

/// <summary>
/// Euterpe's editor opened as a user opens it, in a window of our host on a private Xvfb: what it shows (read back with
/// XGetImage), what a knob drag sends the host, and resizing. The geometry below is the editor's layout at its size:
/// controls in five 78-pixel columns from (12, 76), the piano roll from x = 414 to 12 pixels from the right edge and
/// from y = 76 to 132 pixels from the bottom, its playhead three quarters across (12 beats behind, 4 ahead).
/// </summary>
[Collection(PluginInstanceCollection.Name)]
public sealed class EditorWindowTests
{
    private const uint Temperature = 3;
    private const uint ModelParameter = 5;

    [XvfbFact]
    public void ShowsTheModelAndAPianoRollThatFillsWithNotesOnceTheTransportRolls()
    {
        using var x = new XvfbServer();
        using var session = EditorSession.Open(TestData.Bundle());
        Assert.Equal((900, 520), (session.Width, session.Height));
        ChooseEventRnn(session);
        session.Run(TimeSpan.FromSeconds(2), playing: false);
        var idle = session.Screenshot();
        Assert.True(DistinctColours(idle) > 50, $"the idle editor shows {DistinctColours(idle)} colours: blank?");
        Assert.Equal(0, NotePixels(idle, session.Width, session.Height, behindPlayhead: true));

        session.Run(TimeSpan.FromSeconds(6));
        var playing = session.Screenshot();
        var played = NotePixels(playing, session.Width, session.Height, behindPlayhead: true);
        Assert.True(played > 200, $"after 6 s of play the piano roll shows {played} note pixels behind the playhead");
        Assert.True(session.Frame.TimersFired > 100, $"{session.Frame.TimersFired} redraw timers in 8 s (33 ms each)");

        // The PNG is what the window showed, and an independent reader agrees on its size.
        using var folder = new TempFolder();
        var png = folder.File("playing.png");
        PngImage.Write(png, playing, session.Width, session.Height);
        var (read, width, height) = PngImage.Read(png);
        Assert.Equal((900, 520), (width, height));
        Assert.Equal(NotePixels(playing, 900, 520, true), NotePixels(read, width, height, true));
        Assert.Equal("900 520 RGB", PythonRunner.RunCode("import sys; from PIL import Image; i = Image.open(sys.argv[1]); print(i.width, i.height, i.mode)", png).Trim());
    }

    [XvfbFact]
    public void DraggingAKnobUpEditsItsParameterThroughTheHost()
    {
        using var x = new XvfbServer();
        using var session = EditorSession.Open(TestData.Bundle());
        ChooseEventRnn(session);
        session.Run(TimeSpan.FromSeconds(1), playing: false);
        var before = session.Plugin.GetControllerParameter(Temperature);

        // The first knob (Temperature for the event RNN): centre of the cell at (12, 76), 78 × 74.
        session.SendPointer(Xlib.ButtonPress, 51, 102);
        session.SendPointer(Xlib.MotionNotify, 51, 77);
        session.SendPointer(Xlib.MotionNotify, 51, 52);
        session.SendPointer(Xlib.ButtonRelease, 51, 52);
        session.Run(TimeSpan.FromMilliseconds(500), playing: false);

        var edits = session.Plugin.Handler.Edits.Where(e => e.ParameterId == Temperature).ToArray();
        Assert.True(edits.Length >= 3, $"edits of Temperature: {string.Join(", ", edits)}");
        Assert.Equal(ComponentEditKind.BeginEdit, edits[0].Kind);
        Assert.Equal(ComponentEditKind.EndEdit, edits[^1].Kind);
        var last = edits.Last(e => e.Kind == ComponentEditKind.PerformEdit).Value;
        // 50 pixels up of the 200 that span the range: a quarter more.
        Assert.Equal(before + 0.25, last, 3);
        Assert.Equal(last, session.Plugin.GetControllerParameter(Temperature), 9);
    }

    [XvfbFact]
    public void TheCaptureButtonWritesAClipAndTheArrowsStepTheModel()
    {
        using var x = new XvfbServer();
        using var clips = new TempFolder();
        var previous = Environment.GetEnvironmentVariable("EUTERPE_CLIPS");
        ProcessEnvironment.Set("EUTERPE_CLIPS", clips.Root); // the plug-in, in this process, reads it (with getenv: NativeAOT)
        try
        {
            using var session = EditorSession.Open(TestData.Bundle());
            ChooseEventRnn(session);
            session.Run(TimeSpan.FromSeconds(5));
            // Capture Clip: the button under the headroom meter, (414, 430)–(534, 462) at 900 × 520.
            Click(session, 474, 446);
            session.Run(TimeSpan.FromSeconds(1));
            var captures = session.Plugin.Handler.Edits.Where(e => e.ParameterId == 14 && e.Kind == ComponentEditKind.PerformEdit).Select(e => e.Value);
            Assert.Equal([1.0, 0.0], captures);
            var clip = Assert.Single(Directory.GetFiles(clips.Root, "*.mid"));
            var notes = PythonRunner.RunCode("import sys, mido; print(sum(1 for t in mido.MidiFile(sys.argv[1]).tracks for m in t if m.type == 'note_on' and m.velocity > 0))", clip);
            Assert.True(int.Parse(notes.Trim()) > 0, $"{clip}: {notes} notes");

            // ▶ beside the model's name: the next entry of the Model list, through the host.
            var model = session.Plugin.GetControllerParameter(ModelParameter);
            Click(session, 488, 32);
            session.Run(TimeSpan.FromMilliseconds(300), playing: false);
            var step = session.Plugin.Parameters().Single(p => p.Id == ModelParameter).StepCount;
            Assert.Equal(model + 1.0 / step, session.Plugin.GetControllerParameter(ModelParameter), 9);
            Assert.Contains(session.Plugin.Handler.Edits, e => e.ParameterId == ModelParameter && e.Kind == ComponentEditKind.EndEdit);
        }
        finally
        {
            ProcessEnvironment.Set("EUTERPE_CLIPS", previous);
        }
    }

    private static void Click(EditorSession session, int x, int y)
    {
        session.SendPointer(Xlib.ButtonPress, x, y);
        session.Pump(TimeSpan.FromMilliseconds(100));
        session.SendPointer(Xlib.ButtonRelease, x, y);
    }

    [XvfbFact]
    public void ResizesWithinItsConstraintsAndDrawsAtTheNewSize()
    {
        using var x = new XvfbServer();
        using var session = EditorSession.Open(TestData.Bundle());
        ChooseEventRnn(session);
        Assert.Equal((1200, 700), session.Resize(1200, 700));
        session.Run(TimeSpan.FromSeconds(4));
        var large = session.Screenshot();
        Assert.Equal(1200 * 700 * 4, large.Length);
        Assert.True(NotePixels(large, 1200, 700, behindPlayhead: true) > 200, "the resized piano roll shows the notes played");
        // Smaller than the editor allows: checkSizeConstraint gives its minimum.
        Assert.Equal((720, 440), session.Resize(300, 200));
        session.Pump(TimeSpan.FromMilliseconds(200));
        Assert.True(DistinctColours(session.Screenshot()) > 50);
    }

    [XvfbFact]
    public void HostEditorCommandWritesTheWindowAsAPng()
    {
        using var x = new XvfbServer();
        using var folder = new TempFolder();
        var png = folder.File("editor.png");
        var run = CliProcess.Run(["host", "editor", TestData.Bundle(), "--preset", "event-rnn-openmsx", "--seconds", "3", "--screenshot", png]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("editor 900x520:", run.Stdout);
        Assert.Equal("900 520 RGB", PythonRunner.RunCode("import sys; from PIL import Image; i = Image.open(sys.argv[1]); print(i.width, i.height, i.mode)", png).Trim());
        var (pixels, _, _) = PngImage.Read(png);
        Assert.True(DistinctColours(pixels) > 50);

        // Bad input: one line, exit 2, no file.
        var bad = CliProcess.Run(["host", "editor", TestData.Bundle(), "--seconds", "0", "--screenshot", folder.File("no.png")]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("error: --seconds 0: must be in (0, 3600]", bad.Stderr.Trim());
        Assert.False(File.Exists(folder.File("no.png")));
    }

    private static void ChooseEventRnn(EditorSession session)
    {
        Assert.True(session.Plugin.TryParseParameter(ModelParameter, "event-rnn-openmsx", out var model), "the bundle lists event-rnn-openmsx");
        session.SetParameter(ModelParameter, model);
    }

    private static int DistinctColours(byte[] bgra)
    {
        var colours = new HashSet<int>();
        for (var i = 0; i < bgra.Length; i += 4) colours.Add(bgra[i] | bgra[i + 1] << 8 | bgra[i + 2] << 16);
        return colours.Count;
    }

    /// <summary>Coloured (not grey) pixels in the piano roll, on one side of its playhead: notes, by velocity.</summary>
    private static int NotePixels(byte[] bgra, int width, int height, bool behindPlayhead)
    {
        const int left = 414, top = 76;
        int right = width - 12, bottom = height - 132;
        var playhead = left + (right - left) * 12 / 16;
        var (from, to) = behindPlayhead ? (left + 1, playhead - 2) : (playhead + 2, right - 1);
        var count = 0;
        for (var y = top + 1; y < bottom - 1; y++)
        for (var x = from; x < to; x++)
        {
            var i = (y * width + x) * 4;
            int b = bgra[i], g = bgra[i + 1], r = bgra[i + 2];
            if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 60) count++;
        }
        return count;
    }
}
