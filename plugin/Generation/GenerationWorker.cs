using Euterpe.Core;
using Euterpe.Core.Families;
using Euterpe.Core.Families.Dcrnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;
using Euterpe.Plugin.Diagnostics;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// The generator thread. It loads the preset the controls choose (never on the audio thread), and keeps
/// the queue of notes a lookahead ahead of the playhead. Model time becomes beats at the tempo in force when a
/// note is generated (performance events are seconds: beat = seconds × tempo / 60, re-anchored when the tempo
/// changes), so queued notes stay locked to the bar once generated and a tempo change applies from the notes
/// generated next. Steady state (stepping, shaping, queueing, restarts, follow input) allocates nothing; the
/// worker measures that itself on its own thread. Clip writes and loads may allocate. It follows the knobs through
/// <see cref="GenerationLink.Controls"/>, a snapshot read whole at the top of each pass (again after a load or clip).
/// </summary>
public sealed class GenerationWorker : IDisposable
{
    private const int WarmUpPasses = 50;
    private const int MaxStepsPerPass = 256;

    // Every worker whose thread runs, so ModuleExit can stop those of instances a host never terminated.
    private static readonly Lock LiveGate = new();
    private static readonly List<GenerationWorker> Live = [];

    private readonly GenerationLink _link;
    private readonly NoteShaper _shaper = new();
    private readonly ClipRecorder _clips = new();
    private readonly HumanizeStage _humanize = new();
    private bool _humanizing;
    private ModelNoteEvent[] _step = new ModelNoteEvent[8]; // grown at load to the loaded generator's MaxEventsPerStep
    private readonly Thread _thread;
    private volatile bool _stop;
    private INoteGenerator? _generator;
    private bool _multiChannel; // the loaded generator plays several parts, one MIDI channel each (INoteGenerator.PlaysSeveralParts)
    private AudioPresetPlayer? _audio;
    private PresetEntry? _preset;
    private int _loadedSlot = -1;
    private PresetCatalog? _loadedCatalog;
    private int _epoch = -1;
    private ulong _seed;
    private int _regenerates;
    private int _themeStores;
    private int _newThemes;
    private int _captures;
    private int _fillClips;
    private double _anchorBeat;
    private double _anchorTime;
    private double _beatsPerUnit;
    private long _passesSinceLoad;

    public GenerationWorker(GenerationLink link)
    {
        _link = link;
        _captures = link.CaptureRequests;
        _regenerates = link.RegenerateRequests;
        _themeStores = link.ThemeStoreRequests;
        _newThemes = link.NewThemeRequests;
        _fillClips = link.FillClipRequests;
        _thread = new Thread(Run) { IsBackground = true, Name = ThreadName };
        lock (LiveGate) Live.Add(this);
        _thread.Start();
    }

    /// <summary>The generator threads' name (Linux shows its first 15 bytes in /proc/PID/task/TID/comm).</summary>
    public const string ThreadName = "Euterpe generator";

    /// <summary>Stops and joins every worker still running (the module is about to go).</summary>
    public static void StopAll()
    {
        GenerationWorker[] running;
        lock (LiveGate) running = [.. Live];
        foreach (var worker in running) worker.Dispose();
    }

    public void Dispose()
    {
        _stop = true;
        if (Thread.CurrentThread != _thread) _thread.Join();
        lock (LiveGate) Live.Remove(this);
    }

    private void Run()
    {
        try
        {
            while (!_stop)
            {
                var controls = _link.Controls.Read();
                var special = PollModel(controls) | PollCapture(controls) | _humanize.Follow(controls.Humanize, PresetCatalog.Shared);
                // A load can take seconds: pass with what the knobs say now.
                if (special) controls = _link.Controls.Read();
                var before = GC.GetAllocatedBytesForCurrentThread();
                var busy = Pass(controls);
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (!special && (_generator is not null || _audio is not null) && ++_passesSinceLoad > WarmUpPasses) _link.AddWorkerPass(allocated);
                if (!busy && !special) Thread.Sleep(1);
            }
        }
        catch (Exception e)
        {
            // A user's problem (a corrupt model) reads "FILE: problem", as the host and the log name files; a bug keeps its type.
            _link.SetStatus(GenerationState.Error, e is EuterpeException ? OneLine(e.Message) : $"generator stopped: {e.GetType().Name}: {OneLine(e.Message)}");
            PluginLog.Error("generator thread", e);
        }
        finally
        {
            _generator?.Dispose();
            _generator = null;
            _audio?.Dispose();
            _audio = null;
            _humanize.Dispose();
        }
    }

    /// <summary>One steady-state pass: restart if asked, take input notes, apply the knobs, generate up to the lookahead.</summary>
    private bool Pass(in GenerationControls controls)
    {
        var busy = DrainInputs(controls.FollowInput);
        // Store Theme: the code being generated now (a lookahead ahead of what plays) becomes the theme; a press with
        // no such model loaded is spent, not kept for the next model.
        var themeStores = _link.ThemeStoreRequests;
        for (; _themeStores != themeStores; _themeStores++)
        {
            _generator?.StoreTheme();
            _link.ThemeStored();
        }
        // New Theme: the z the model plays next is drawn afresh, once per press (a press with no model is spent).
        var newThemes = _link.NewThemeRequests;
        for (; _newThemes != newThemes; _newThemes++) _generator?.NewTheme();
        var fillClips = _link.FillClipRequests;
        for (; _fillClips != fillClips; _fillClips++)
        {
            FillClip();
            _link.FillClipDone();
        }
        if (_generator is null && _audio is null) return busy;
        var seed = controls.Seed;
        // Switching Humanize restarts too: notes already queued straight would otherwise lose their note-offs. The refine
        // nets read one part; a multi-track model's notes (one channel per family) pass unchanged.
        var humanizer = _multiChannel ? null : _humanize.Active;
        if (seed != _seed || (humanizer is not null) != _humanizing)
        {
            _seed = seed;
            _humanizing = humanizer is not null;
            _link.BumpEpoch();
        }
        if (_audio is not null)
            return _audio.Pass(_link, seed, controls.VariationPercent, controls.Temperature, controls.LookaheadSeconds) || busy;
        var generator = _generator!;
        var epoch = _link.Epoch;
        if (epoch != _epoch) Restart(generator, epoch);
        ApplyControls(generator, controls);
        var tempo = _link.Tempo;
        var perUnit = generator.TimeUnit == ModelTimeUnit.Seconds ? tempo / 60 : 1;
        if (perUnit != _beatsPerUnit)
        {
            _anchorBeat = BeatOf(generator.Time);
            _anchorTime = generator.Time;
            _beatsPerUnit = perUnit;
        }
        var lookahead = controls.LookaheadSeconds * tempo / 60;
        var target = _link.Playhead + lookahead;
        var steps = 0;
        var reached = BeatOf(generator.Time);
        var startedBeat = reached;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (humanizer is not null) Release(humanizer, epoch);
        // With Humanize the queue is complete only up to the humanizer's safe beat: notes wait there for what follows them.
        double Queued() => humanizer is null ? reached : Math.Min(reached, humanizer.SafeBeat);
        while (Queued() < target && steps < MaxStepsPerPass && _link.Notes.Capacity - _link.Notes.Count >= generator.MaxEventsPerStep
               && (humanizer is null || humanizer.HasRoom))
        {
            var n = generator.Step(_step);
            for (var i = 0; i < n; i++)
            {
                if (!_shaper.Shape(_step[i], out var pitch)) continue;
                var beat = BeatOf(_step[i].Time);
                var velocity = (short)Math.Clamp(_step[i].Velocity, _step[i].IsNoteOn ? 1 : 0, 127);
                if (humanizer is not null)
                {
                    humanizer.Add(beat, pitch, velocity, _step[i].IsNoteOn);
                    continue;
                }
                _link.Notes.TryEnqueue(new GeneratedNote(beat, (short)pitch, velocity, _step[i].IsNoteOn, epoch, (short)_step[i].Channel));
                _link.Timeline.Add(new TimelineNote(beat, (short)pitch, velocity, _step[i].IsNoteOn, epoch, (short)_step[i].Channel, false));
                // A captured clip holds one part: the drum channel's keys are no pitches, so it leaves them out.
                if (_step[i].Channel != InstrumentFamilies.DrumChannel) _clips.Add(beat, pitch, velocity, _step[i].IsNoteOn, false, epoch);
            }
            reached = BeatOf(generator.Time);
            if (humanizer is not null)
            {
                humanizer.Advance(reached);
                Release(humanizer, epoch);
            }
            steps++;
        }
        _link.PublishHorizon(epoch, Queued());
        if (steps > 0) MeasureHeadroom(reached - startedBeat, started, tempo);
        return busy || steps > 0;
    }

    /// <summary>The editor's headroom meter: music seconds generated per second spent, smoothed over passes.</summary>
    private void MeasureHeadroom(double beats, long started, double tempo)
    {
        var spent = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (beats <= 0 || spent <= 0 || tempo <= 0) return;
        var ratio = beats * 60 / tempo / spent;
        var before = _link.Headroom;
        _link.Headroom = double.IsNaN(before) ? ratio : before + (ratio - before) * 0.2;
    }

    // Humanized notes that are due go to the queue while it has room; the rest wait in the humanizer.
    private void Release(Core.Families.Refine.NoteHumanizer humanizer, int epoch)
    {
        while (_link.Notes.Capacity - _link.Notes.Count > 0 && humanizer.TryTake(out var e))
        {
            _link.Notes.TryEnqueue(new GeneratedNote(e.Beat, (short)e.Pitch, (short)e.Velocity, e.IsNoteOn, epoch));
            _link.Timeline.Add(new TimelineNote(e.Beat, (short)e.Pitch, (short)e.Velocity, e.IsNoteOn, epoch, 0, false));
            _clips.Add(e.Beat, e.Pitch, (short)e.Velocity, e.IsNoteOn, false, epoch);
        }
    }

    /// <summary>The first grid line at or after <paramref name="beat"/> (a playhead a hair past a line counts as on it).</summary>
    private static double NextGridLine(double beat, double grid) => Math.Ceiling(beat / grid - 1e-6) * grid;

    private double BeatOf(double time) => _anchorBeat + (time - _anchorTime) * _beatsPerUnit;

    private void Restart(INoteGenerator generator, int epoch)
    {
        _epoch = epoch;
        generator.Reset(_seed);
        _shaper.Reset(_seed);
        _humanize.Active?.Reset();
        _anchorBeat = generator.GridBeats > 0 ? NextGridLine(_link.Playhead, generator.GridBeats) : _link.Playhead;
        _anchorTime = generator.Time;
        _beatsPerUnit = generator.TimeUnit == ModelTimeUnit.Seconds ? _link.Tempo / 60 : 1;
    }

    private void ApplyControls(INoteGenerator generator, in GenerationControls controls)
    {
        var temperature = (float)controls.Temperature;
        // Variation narrows the nucleus: 0 % keeps the most likely 30 % of probability mass, 100 % keeps all.
        var variation = controls.VariationPercent / 100;
        generator.SetSampling(new SamplingOptions(temperature, 0, (float)Math.Clamp(0.3 + 0.7 * variation, 0.05, 1)));
        // A conditional model hears key, scale and density as it was trained (its feature vector); only a model that
        // cannot takes the plain slots, each filling its input with one value.
        var steered = generator.Steer(new MusicalSteering(controls.Key, controls.Scale, controls.DensityPercent / 100, controls.PitchSemitones));
        var conditioning = _preset?.Conditioning;
        for (var i = 0; !steered && i < generator.ConditioningCount && conditioning is not null && i < conditioning.Count && i < GenerationControls.ConditionSlots; i++)
        {
            var c = conditioning[i];
            var normalized = controls.Condition(i);
            generator.SetConditioning(i, (float)(c.Min + normalized * (c.Max - c.Min)));
        }
        generator.SteerThreshold(controls.RollThresholdPercent / 100);
        generator.SteerWalk(new CodeWalkSteering(controls.WalkRatePercent / 100, controls.ThemeReturnPercent / 100, controls.ThemeStorePercent / 100));
        Span<double> latents = stackalloc double[DcrnnNoteGenerator.LatentKnobs];
        controls.Latents(latents);
        generator.SteerLatent(latents, controls.MorphPercent / 100, controls.Form);
        _shaper.Key = controls.Key;
        _shaper.Scale = controls.Scale;
        _shaper.OctaveShift = controls.OctaveShift;
        // The steered model already plays at the density asked for: thinning its notes again would count it twice.
        _shaper.Density = steered ? 1 : controls.DensityPercent / 100;
    }

    private bool DrainInputs(bool follow)
    {
        var any = false;
        while (_link.Inputs.TryDequeue(out var input))
        {
            any = true;
            _clips.Add(input.Beat, input.Pitch, input.Velocity, input.IsNoteOn, true, _link.Epoch);
            _link.Timeline.Add(new TimelineNote(input.Beat, input.Pitch, input.Velocity, input.IsNoteOn, _link.Epoch, 0, true));
            if (follow) _generator?.Prime(input.IsNoteOn, input.Pitch, input.Velocity);
        }
        return any;
    }

    /// <summary>Loads when the chosen slot changes (or "Regenerate" is pressed after a failed load). True if it did anything.</summary>
    private bool PollModel(in GenerationControls controls)
    {
        var slot = controls.ModelSlot;
        var regenerates = _link.RegenerateRequests;
        var retry = regenerates != _regenerates && _link.State == GenerationState.Error;
        _regenerates = regenerates;
        var catalog = PresetCatalog.Shared;
        if (slot == _loadedSlot && catalog == _loadedCatalog && !retry) return false;
        _loadedSlot = slot;
        _loadedCatalog = catalog;
        var entry = slot == 0 ? null : catalog.AtSlot(slot);
        // The old model's Ready and horizon must be gone before the new slot is published: an offline block that
        // sees the slot it asked for with the old model's state would play the old model's queued notes.
        _link.SetStatus(GenerationState.Loading, entry is null ? "Loading" : $"Loading {entry.DisplayName}");
        // The old model's queued notes go, and the audio thread releases what it holds.
        _link.BumpEpoch();
        _link.WorkerSlot = slot;
        _generator?.Dispose();
        _generator = null;
        _multiChannel = false;
        _audio?.Dispose();
        _audio = null;
        _link.AudioMode = false;
        _preset = null;
        _passesSinceLoad = 0;
        if (slot == 0)
        {
            _link.SetStatus(GenerationState.Off, "Off");
            return true;
        }
        if (entry is null)
        {
            var where = string.Join(", ", catalog.Roots);
            Fail(catalog.Entries.Count == 0 ? $"no presets found (looked in {where})" : $"model slot {slot} is empty ({catalog.Entries.Count} presets found)");
            return true;
        }
        try
        {
            if (entry.Problem is not null || entry.Preset is null || entry.Family is null) throw new EuterpeException(entry.Problem ?? $"{entry.Path}: not read");
            if (entry.Family.Medium == GeneratedMedium.Audio)
            {
                _audio = new AudioPresetPlayer(entry.Family.OpenAudio(entry.Preset));
                _link.AudioMode = true;
            }
            else
            {
                _generator = entry.Family.OpenNotes(entry.Preset);
                _multiChannel = _generator.PlaysSeveralParts;
                if (_step.Length < _generator.MaxEventsPerStep) _step = new ModelNoteEvent[_generator.MaxEventsPerStep];
            }
            _preset = entry;
            _epoch = -1;
            _link.BumpEpoch();
            _link.SetStatus(GenerationState.Ready, $"Playing {entry.DisplayName}");
            PluginLog.Write($"loaded preset {entry.Id} from {entry.Path}");
        }
        catch (Exception e) when (e is EuterpeException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or DllNotFoundException)
        {
            Fail(e is EuterpeException ? OneLine(e.Message) : $"{entry.Path}: {e.GetType().Name}: {OneLine(e.Message)}");
        }
        return true;
    }

    private void Fail(string problem)
    {
        _link.SetStatus(GenerationState.Error, problem);
        PluginLog.Write($"model: {problem}");
    }

    private bool PollCapture(in GenerationControls controls)
    {
        var requests = _link.CaptureRequests;
        if (requests == _captures) return false;
        _captures = requests;
        try
        {
            var bars = controls.ClipBars;
            var path = _clips.Write(ClipRecorder.DefaultFolder(), _link.Playhead, bars, _link.QuartersPerBar, _link.Tempo, _link.Epoch);
            if (path is null)
            {
                PluginLog.Write($"clip capture: no notes in the last {bars} bars, nothing written");
                return true;
            }
            _link.LastClip = path;
            PluginLog.Write($"clip written: {path}");
        }
        catch (Exception e) when (e is EuterpeException or IOException or UnauthorizedAccessException)
        {
            PluginLog.Write($"clip capture failed: {OneLine(e.Message)}");
        }
        return true;
    }

    /// <summary>
    /// Fill Clip: a pix2pix model takes the last captured clip and plays it filled, restarting on the next bar line; a
    /// press with no clip or another model loaded is spent and logged.
    /// </summary>
    private void FillClip()
    {
        var clip = _link.LastClip;
        if (_generator is null || clip is null)
        {
            PluginLog.Write(clip is null ? "fill clip: no captured clip yet (press Capture Clip first)" : "fill clip: no model loaded");
            return;
        }
        try
        {
            if (!_generator.FillClip(clip))
            {
                PluginLog.Write($"fill clip: the loaded model ({_preset?.Id}) does not fill clips; load a pix2pix preset");
                return;
            }
            _link.BumpEpoch();
            PluginLog.Write($"fill clip: playing {clip} filled");
        }
        catch (Exception e) when (e is EuterpeException or IOException or UnauthorizedAccessException)
        {
            PluginLog.Write($"fill clip failed: {OneLine(e.Message)}");
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
