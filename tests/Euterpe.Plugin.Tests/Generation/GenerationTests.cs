using Euterpe.Core.Midi;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// The instrument generating from a real ONNX performance-event preset, driven through the vtables with a host
/// transport. In the allocation collection: hosts here run worker threads and GC counts are process-wide.
/// </summary>
[Collection(nameof(AllocationTests))]
public class GenerationTests
{
    private const double SampleRate = 48000;

    /// <param name="configure">Sets parameters before the model is chosen (so the first notes already follow them).</param>
    internal static InstrumentHost Start(out TransportDriver driver, double tempo = 120, ulong seed = 0, string id = TestPresets.GoodId,
        Action<TransportDriver>? configure = null)
    {
        var host = new InstrumentHost(SampleRate, 512);
        driver = new TransportDriver(host, tempo);
        configure?.Invoke(driver);
        var slot = TestPresets.SlotOf(id);
        driver.Set(ParameterId.Model, slot);
        driver.Set(ParameterId.Seed, seed);
        driver.Block(64, pace: false);
        // The worker may be loading the host's first slot when this one is chosen: wait for this one's Ready.
        driver.WaitFor(GenerationState.Ready, PresetCatalog.Shared.AtSlot(slot)!.DisplayName);
        driver.Cue();
        driver.ClearNotes();
        driver.Playing = true;
        return host;
    }

    [Theory]
    [InlineData(120)]
    [InlineData(90)]
    public void OutputBusCarriesTheModelsNotesAtTheirTimes(double tempo)
    {
        using var host = Start(out var driver, tempo, seed: 11);
        driver.Run(6);
        var expected = ReferencePerformance.Notes(11, 5.9);
        var actual = driver.Notes.ToArray().Where(n => n.Sample < 5.9 * SampleRate).ToList();
        Assert.True(expected.Count(e => e.IsNoteOn) >= 5, $"the test model made only {expected.Count} events in 6 s");
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].IsNoteOn, actual[i].IsNoteOn);
            Assert.Equal(expected[i].Pitch, actual[i].Pitch);
            // Seconds are locked to beats at the host tempo, so a note lands at the same second whatever the tempo.
            Assert.InRange(actual[i].Sample, Math.Floor(expected[i].Seconds * SampleRate) - 1, Math.Floor(expected[i].Seconds * SampleRate) + 1);
            if (expected[i].IsNoteOn) Assert.Equal(expected[i].Velocity / 127f, actual[i].Velocity, 5);
        }
        Assert.True(driver.AnyAudio, "the built-in synth voiced nothing");
    }

    [Fact]
    public void SameSeedGivesTheSameNotesAndAnotherSeedOthers()
    {
        OutputNote[] Render(ulong seed)
        {
            using var host = Start(out var driver, seed: seed);
            driver.Run(4);
            return driver.Notes.ToArray();
        }
        var first = Render(3);
        Assert.NotEmpty(first);
        Assert.Equal(first, Render(3));
        Assert.NotEqual(first, Render(4));
    }

    [Fact]
    public void StopReleasesEveryGeneratedNoteAndPlaysNothingWhileStopped()
    {
        using var host = Start(out var driver, seed: 5);
        var sounding = new HashSet<short>();
        for (var block = 0; block < 2000 && (block < 50 || sounding.Count == 0); block++)
        {
            var before = driver.Count;
            driver.Block(512);
            foreach (var n in driver.Notes[before..])
                if (n.IsNoteOn) sounding.Add(n.Pitch); else sounding.Remove(n.Pitch);
        }
        Assert.NotEmpty(sounding);
        driver.Playing = false;
        var stopAt = driver.Count;
        driver.Block(512);
        var released = driver.Notes[stopAt..].ToArray();
        Assert.All(released, n => Assert.False(n.IsNoteOn));
        Assert.Equal(sounding.OrderBy(p => p), released.Select(n => n.Pitch).OrderBy(p => p));
        Assert.Equal(0, host.Instrument.Playback.SoundingCount);
        var afterStop = driver.Count;
        for (var i = 0; i < 200; i++) driver.Block(512);
        Assert.Equal(afterStop, driver.Count);
        Assert.Equal(3UL, host.LastSilenceFlags);
    }

    [Fact]
    public void JumpAndLoopStartTheModelAgainFromTheNewPosition()
    {
        using var host = Start(out var driver, seed: 9);
        driver.Run(3);
        var fromStart = driver.Notes.ToArray();
        Assert.NotEmpty(fromStart);

        foreach (var target in new[] { 32.0, 0.0 })
        {
            // Jump while playing (a locate, then a loop back to the start): the old notes end, the model restarts there.
            var sounding = SoundingAfter(driver.Notes);
            driver.SeekBeat(target);
            var jumpSample = driver.SamplePosition;
            var at = driver.Count;
            driver.Run(3);
            var after = driver.Notes[at..].ToArray();
            var releases = after.TakeWhile(n => !n.IsNoteOn && n.Sample == jumpSample).Select(n => n.Pitch).OrderBy(p => p).ToArray();
            Assert.Equal(sounding.OrderBy(p => p), releases);
            var replay = after[releases.Length..];
            Assert.Equal(fromStart.Select(n => (n.Pitch, n.IsNoteOn)), replay.Select(n => (n.Pitch, n.IsNoteOn)));
            for (var i = 0; i < replay.Length; i++)
            {
                var relative = replay[i].Sample - jumpSample;
                // The model starts when the jump is seen, so notes due in the first blocks may come a little late, never early.
                // (±1 sample: the beat of a note is computed from a different origin.)
                if (fromStart[i].Sample >= 4096) Assert.InRange(relative, fromStart[i].Sample - 1, fromStart[i].Sample + 1);
                else Assert.InRange(relative, fromStart[i].Sample, fromStart[i].Sample + 4096);
            }
        }
    }

    [Fact]
    public void AModelSwitchNeverShowsTheNewSlotWithTheOldModelsReadyState()
    {
        // An offline block waits until the slot it asked for is Ready; if the worker published the new slot while
        // the old model's Ready state stood, that block played the old model's notes (seen in CI with the n-gram preset).
        using var host = Start(out var driver, seed: 3);
        driver.Run(0.5);
        var link = driver.Link;
        var good = TestPresets.SlotOf(TestPresets.GoodId);
        var corrupt = TestPresets.SlotOf(TestPresets.CorruptId);
        var seen = new List<string>();
        var done = false;
        var observer = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                if (seen.Count > 10) break;
                // A consistent reading: the slot read between two reads of the same status (state and text published
                // together; reading State and StatusText apart once mixed a new text with the old state, a false alarm).
                var status = link.Status;
                var slot = link.WorkerSlot;
                if (!ReferenceEquals(status, link.Status)) continue;
                var (state, text) = (status.State, status.Text);
                if (slot == corrupt && state == GenerationState.Ready) seen.Add($"slot {slot} Ready: {text}");
                if (slot == good && state == GenerationState.Ready && !text.StartsWith("Playing A Test", StringComparison.Ordinal)) seen.Add($"slot {slot} Ready: {text}");
            }
        });
        observer.Start();
        for (var i = 0; i < 6; i++)
        {
            driver.Set(ParameterId.Model, corrupt);
            driver.WaitFor(GenerationState.Error);
            driver.Set(ParameterId.Model, good);
            driver.WaitFor(GenerationState.Ready);
        }
        Volatile.Write(ref done, true);
        observer.Join();
        Assert.Empty(seen);
    }

    [Fact]
    public void BadPresetsReportTheProblemStaySilentAndAGoodOneRecovers()
    {
        using var host = Start(out var driver, seed: 2);
        var controller = host.ConnectController();
        var status = InstrumentParameters.Find(ParameterId.Status)!;
        try
        {
            driver.Run(1);
            Assert.NotEqual(0, driver.Count);
            Assert.StartsWith("Playing A Test Performance LSTM", controller.ValueString(status, 0));

            foreach (var (id, folder, problem) in new[] { (TestPresets.CorruptId, "corrupt", "model.onnx"), (TestPresets.MismatchId, "mismatch", "note_token") })
            {
                driver.Set(ParameterId.Model, TestPresets.SlotOf(id));
                driver.WaitFor(GenerationState.Error, Path.DirectorySeparatorChar + folder + Path.DirectorySeparatorChar);
                var text = controller.ValueString(status, 0);
                Assert.True(text.Contains(problem), text);
                Assert.DoesNotContain('\n', text);
                // What was sounding is released; then nothing plays and the audio goes silent.
                driver.ClearNotes();
                driver.Run(2);
                Assert.DoesNotContain(driver.Notes.ToArray(), n => n.IsNoteOn);
                Assert.Equal(GenerationState.Error, driver.ReportedStatus);
                Assert.Equal(0, host.Instrument.Playback.SoundingCount);
                Assert.Equal(3UL, host.LastSilenceFlags);
            }

            driver.Set(ParameterId.Model, TestPresets.SlotOf(TestPresets.GoodId));
            driver.WaitFor(GenerationState.Ready);
            // Start over here, as Start does: the worker restarted at the playhead while WaitFor ran unpaced blocks, and
            // seed 2's first notes (0–0.62 s, then none before 4.08 s) could pass before the notes were listened for.
            driver.Cue();
            driver.ClearNotes();
            driver.Run(3);
            Assert.Contains(driver.Notes.ToArray(), n => n.IsNoteOn);
            Assert.StartsWith("Playing", controller.ValueString(status, 0));
            Assert.Equal(GenerationState.Ready, driver.ReportedStatus);
        }
        finally
        {
            host.DisconnectController(controller);
        }
    }

    [Fact]
    public void ClipCaptureWritesTheGeneratedNotesAsAMidiFileWithoutOverwriting()
    {
        using var temp = new TempFolder("euterpe-clips-");
        var clips = temp.Path("clips"); // the recorder makes it
        Environment.SetEnvironmentVariable(ClipRecorder.EnvironmentVariable, clips);
        try
        {
            using var host = Start(out var driver, tempo: 100, seed: 13);
            driver.Set(ParameterId.ClipBars, 2);
            driver.Run(5);
            // A note played in during the window goes into the clip on its own track.
            host.InputEvents.Add(Vst3Event.NoteOnAt(100, 40, 0.5f));
            driver.Run(0.5);
            host.InputEvents.Add(Vst3Event.NoteOffAt(200, 40));
            driver.Run(0.5);
            var played = driver.Notes.ToArray();
            var endBeat = driver.Beat;
            driver.Set(ParameterId.CaptureClip, 1);
            driver.Block(512, pace: false);
            var first = WaitForClip(driver, null);
            driver.Set(ParameterId.CaptureClip, 0);
            driver.Block(512, pace: false);
            driver.Set(ParameterId.CaptureClip, 1);
            driver.Block(512, pace: false);
            var second = WaitForClip(driver, first);
            Assert.NotEqual(first, second);
            Assert.Equal(2, Directory.GetFiles(clips, "*.mid").Length);

            var sequence = MidiFileReader.Read(first);
            Assert.Equal(100, sequence.TempoMap.Changes[0].Bpm, 1);
            // Notes that start inside the last 2 bars (8 quarters) before the capture, as the output bus played them.
            var samplesPerBeat = SampleRate * 60 / 100;
            var windowStart = endBeat - 8;
            var expected = played.Where(n => n.IsNoteOn && n.Sample / samplesPerBeat >= windowStart + 0.01)
                .Select(n => (int)n.Pitch).OrderBy(p => p).ToList();
            var input = Assert.Single(sequence.Notes, n => n.Track == 1);
            Assert.Equal(40, input.Pitch);
            // Held from offset 100 of one block to offset 200 of the block 24000 samples later, at 100 bpm (±1 tick).
            Assert.InRange(input.DurationTicks, (24100 / SampleRate * 100 / 60 * sequence.TicksPerQuarter) - 1, (24100 / SampleRate * 100 / 60 * sequence.TicksPerQuarter) + 1);
            var written = sequence.Notes.Where(n => n.StartTick > 4 && n.Track == 0).Select(n => n.Pitch).OrderBy(p => p).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, written);
            // midicsv (an independent reader) sees the tempo (600000 us per quarter at 100 bpm) and as many note-ons.
            var csv = ProcessRunner.Output("midicsv", first);
            Assert.Contains("Tempo, 600000", csv);
            Assert.Equal(sequence.Notes.Count, csv.Split('\n').Count(line => line.Contains("Note_on_c") && !line.TrimEnd().EndsWith(", 0")));
            foreach (var note in sequence.Notes.Where(n => n.StartTick > 4 && n.Track == 0))
            {
                var beat = windowStart + note.StartTick / (double)sequence.TicksPerQuarter;
                Assert.Contains(played, n => n.IsNoteOn && n.Pitch == note.Pitch && Math.Abs(n.Sample / samplesPerBeat - beat) < 0.01);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClipRecorder.EnvironmentVariable, null);
        }
    }

    [Fact]
    public void StateKeepsModelSeedAndParametersByteForByte()
    {
        var stream = new MemoryBStream();
        var slot = TestPresets.SlotOf(TestPresets.GoodId);
        using (var first = new InstrumentHost())
        {
            var driver = new TransportDriver(first);
            driver.Set(ParameterId.Model, slot);
            driver.Set(ParameterId.Seed, 1234);
            driver.Set(ParameterId.Temperature, 0.7);
            driver.Set(ParameterId.Key, 7);
            driver.Set(ParameterId.Scale, 2);
            driver.Set(ParameterId.Register, -1);
            driver.Set(ParameterId.Density, 40);
            driver.Set(ParameterId.Condition1, 0.8);
            driver.Block(64, pace: false);
            InstrumentHost.Check(Vtable.CallInt(first.Component, InstrumentHost.ComponentGetState, stream.InterfacePointer()), "getState");
        }
        var saved = stream.Contents.ToArray();
        Assert.True(saved.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(TestPresets.GoodId)) > 0, "the state does not name the preset");
        using (var second = new InstrumentHost())
        {
            stream.Rewind();
            InstrumentHost.Check(Vtable.CallInt(second.Component, InstrumentHost.ComponentSetState, stream.InterfacePointer()), "setState");
            var again = new MemoryBStream();
            InstrumentHost.Check(Vtable.CallInt(second.Component, InstrumentHost.ComponentGetState, again.InterfacePointer()), "getState");
            Assert.Equal(saved, again.Contents.ToArray());
            again.Release();
            Assert.Equal(1234, InstrumentParameters.Find(ParameterId.Seed)!.ToPlain(second.Instrument.ParameterValue(ParameterId.Seed)));
            Assert.Equal(slot, InstrumentParameters.Find(ParameterId.Model)!.ToPlain(second.Instrument.ParameterValue(ParameterId.Model)));
        }
        stream.Release();
    }

    [Fact]
    public void ControllerListsPresetsAndTitlesConditioningFromTheManifest()
    {
        var slot = TestPresets.SlotOf(TestPresets.GoodId);
        var controller = new EuterpeController();
        var model = InstrumentParameters.Find(ParameterId.Model)!;
        Assert.Equal("A Test Performance LSTM", controller.ValueString(model, model.ToNormalized(slot)));
        Assert.Equal("Off", controller.ValueString(model, 0));
        controller.SetParamNormalized(ParameterId.Model, model.ToNormalized(slot));
        var condition = InstrumentParameters.Find(ParameterId.Condition1)!;
        Assert.Equal("0.60", controller.ValueString(condition, 0.8));
        unsafe
        {
            var info = new ParameterInfo();
            Assert.Equal(Vst3Result.Ok, controller.GetParameterInfo(InstrumentParameters.IndexOf(ParameterId.Condition1), &info));
            Assert.Equal("Energy", Vst3Strings.ReadUtf16(info.Title, 128));
            Assert.Equal(0.5, info.DefaultNormalizedValue);
            Assert.Equal(Vst3Result.Ok, controller.GetParameterInfo(InstrumentParameters.IndexOf(ParameterId.Status), &info));
            Assert.NotEqual(0, info.Flags & ParameterInfo.FlagIsReadOnly);
            Assert.Equal(0, info.Flags & ParameterInfo.FlagCanAutomate);
        }
        controller.Terminate();
    }

    [Fact]
    public void FollowInputPrimesTheModelWithPlayedNotesAndOffLeavesItAlone()
    {
        OutputNote[] Render(bool follow, bool play)
        {
            using var host = Start(out var driver, seed: 17);
            driver.Set(ParameterId.FollowInput, follow ? 1 : 0);
            driver.Run(0.5);
            if (play)
                for (short pitch = 60; pitch < 72; pitch += 4) host.InputEvents.Add(Vst3Event.NoteOnAt(0, pitch, 0.9f));
            driver.Run(6);
            return driver.Notes.ToArray();
        }
        var plain = Render(follow: false, play: false);
        Assert.Equal(plain, Render(follow: false, play: true));
        // Primed, the model continues from the played notes: what it generates after them changes.
        Assert.NotEqual(plain, Render(follow: true, play: true));
    }

    private static string WaitForClip(TransportDriver driver, string? previous)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (driver.Link.LastClip is not { } path || path == previous)
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds > 30) throw new TimeoutException("no clip written");
            Thread.Sleep(5);
        }
        return driver.Link.LastClip!;
    }

    private static HashSet<short> SoundingAfter(ReadOnlySpan<OutputNote> notes)
    {
        var sounding = new HashSet<short>();
        foreach (var n in notes)
            if (n.IsNoteOn) sounding.Add(n.Pitch); else sounding.Remove(n.Pitch);
        return sounding;
    }
}
