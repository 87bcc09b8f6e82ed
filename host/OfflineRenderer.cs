using System.Diagnostics;
using Euterpe.Core.Audio;
using Euterpe.Core.Families;
using Euterpe.Core.Families.MultiTrackGan;
using Euterpe.Core.Presets;
using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// Renders a plug-in offline, block by block, as a DAW's export does: load the bundle, instantiate and connect
/// component and controller, round-trip the state, setupProcessing(offline), activate, then for each block fill
/// the ProcessContext (tempo, time signature, position in quarters and bars, playing), the input events of the
/// block at their sample offsets, and the parameter changes (automation points and controller edits), call
/// process, and keep the audio (WAV) and the note events of the event output bus (MIDI). When the plug-in's Status
/// shows an error (<see cref="PluginStatusWatcher"/>: its model did not load) the render fails and writes nothing.
/// </summary>
public static unsafe class OfflineRenderer
{
    public static RenderResult Render(RenderOptions options)
    {
        Core.Generation.GenerationRequest.CheckSeconds(options.Seconds); // the cap `generate` has too
        if (options.Tempo is <= 0 or > 1000) throw new Core.EuterpeException($"--tempo {options.Tempo}: must be in (0, 1000]");
        if (options.MidiInDelay is < 0 or > 3600) throw new Core.EuterpeException($"--midi-delay {options.MidiInDelay}: must be in 0…3600 seconds");
        if (options.Block is < 1 or > 65536) throw new Core.EuterpeException($"--block {options.Block}: must be in 1…65536");
        if (options.SampleRate is < 8000 or > 384000) throw new Core.EuterpeException($"--sample-rate {options.SampleRate}: must be in 8000…384000");
        if (options.Preset is not null && options.VstPreset is not null) throw new Core.EuterpeException("--preset and --vstpreset: give one (a .vstpreset names its model itself)");
        var presetFiles = options.Preset is { } folder && Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
        Core.OutputTarget.CheckDistinct([options.MidiIn, options.VstPreset, .. presetFiles], [options.OutWav, options.MidiOut]);
        var schedule = options.MidiIn is null ? [] : MidiInputSchedule.FromFile(options.MidiIn, options.SampleRate, options.MidiInDelay);
        var automation = options.ParameterChanges
            .Select(p => (Sample: (long)Math.Round(p.Seconds * options.SampleRate), p.Id, p.Normalized)).OrderBy(p => p.Sample).ToArray();

        var clock = Stopwatch.StartNew();
        using var preset = PresetChoice.Prepare(options.Preset);
        using var module = Vst3Module.Load(options.Bundle);
        using var plugin = PluginInstance.Create(module, options.ClassName);
        if (options.VstPreset is { } vstPreset) VstPresets.Load(plugin, vstPreset);
        var (presetNote, presetPoint) = preset.Apply(plugin, options.Bundle);
        // A plug-in that cannot load its model plays silence and says so on its Status: that is a failed render.
        var status = PluginStatusWatcher.For(plugin);
        if (presetPoint is { } point) automation = [(0L, point.Id, point.Normalized), .. automation];

        // A DAW restores a project's state before playing: getState → setState must give the same state back.
        var state = plugin.GetComponentState();
        plugin.SetComponentState(state);
        var roundTrip = plugin.GetComponentState().AsSpan().SequenceEqual(state);

        foreach (var change in automation.Where(a => a.Sample == 0)) plugin.SetControllerParameter(change.Id, change.Normalized);
        plugin.Start(options.SampleRate, options.Block, offline: true);
        using var buffers = new ProcessBuffers(plugin, options.SampleRate, options.Block);
        if (buffers.OutputChannels == 0) throw new HostException(options.Bundle, "buses", "the audio module has no audio output");
        var channels = Math.Min(buffers.OutputChannels, 2);

        var collector = new OutputMidiCollector(options.SampleRate, options.Tempo, options.TimeSigNumerator, options.TimeSigDenominator);
        var total = (long)Math.Round(options.Seconds * options.SampleRate);
        var edits = new List<(uint Id, double Value)>();
        var left = new float[options.Block];
        var right = new float[options.Block];
        var peak = 0f;
        var next = 0;
        var nextAutomation = 0;
        using (var wav = new StreamingWavWriter(options.OutWav, options.SampleRate, channels, options.Format))
        {
            for (long position = 0; position < total; position += options.Block)
            {
                var frames = (int)Math.Min(options.Block, total - position);
                buffers.BeginBlock(frames, position, options.Tempo, options.TimeSigNumerator, options.TimeSigDenominator, playing: true);
                while (next < schedule.Length && schedule[next].Sample < position + frames)
                {
                    if (!buffers.AddNote(schedule[next], (int)Math.Max(0, schedule[next].Sample - position))) break;
                    next++;
                }
                edits.Clear();
                plugin.Handler.DrainPending(edits);
                foreach (var (id, value) in edits) buffers.InputParameters.Add(id, 0, value);
                while (nextAutomation < automation.Length && automation[nextAutomation].Sample < position + frames)
                {
                    var a = automation[nextAutomation++];
                    buffers.InputParameters.Add(a.Id, (int)Math.Max(0, a.Sample - position), a.Normalized);
                }

                var rc = buffers.Process();
                if (rc != Vst3Result.Ok)
                    throw new HostException(options.Bundle, "IAudioProcessor::process", $"returned {Call.ResultName(rc)} at sample {position}");

                foreach (ref readonly var e in buffers.OutputEvents.Events) collector.Add(e, position);
                ForwardOutputParameters(buffers.OutputParameters, plugin);
                // Thrown before Complete: the WAV's temporary file goes, and no MIDI file is written.
                if (status?.Problem() is { } problem) throw preset.Failure(options.Bundle, problem);
                var l = new Span<float>(buffers.OutputChannel(0), frames);
                var r = channels > 1 ? new Span<float>(buffers.OutputChannel(1), frames) : default;
                l.CopyTo(left);
                if (channels > 1) r.CopyTo(right);
                peak = Math.Max(peak, PeakOf(l));
                if (channels > 1) peak = Math.Max(peak, PeakOf(r));
                if (channels > 1) wav.WritePlanar(left.AsSpan(0, frames), right.AsSpan(0, frames));
                else wav.WritePlanar(left.AsSpan(0, frames));
                options.Progress?.Invoke((double)(position + frames) / total);
            }
            plugin.Stop();
            wav.Complete();
        }
        if (options.MidiOut is not null) collector.Write(options.MidiOut, total, MultiTrackTracks(options.Preset, options.Bundle));
        clock.Stop();
        return new RenderResult(total, options.SampleRate, channels, schedule.Length, collector.NoteOns, peak, clock.Elapsed,
            roundTrip, presetNote, plugin.Handler.Edits);
    }

    /// <summary>The instrument tracks of a multi-track preset named by folder or by an id our bundle lists; else null.</summary>
    private static IReadOnlyList<ManifestTrack>? MultiTrackTracks(string? preset, string bundle)
    {
        if (string.IsNullOrWhiteSpace(preset)) return null;
        var folder = Directory.Exists(preset) ? preset : PresetSearchPath.Find(InstalledPresets.Of(bundle), preset);
        if (folder is null) return null;
        var (opened, _) = ModelFamilies.Open(folder);
        return opened.Family == MultiTrackGanFamily.Name ? opened.OnnxManifest.PianoRoll?.Tracks : null;
    }

    /// <summary>Values the processor reports (meters, read-only parameters) go to the controller, as a DAW does after each block.</summary>
    private static void ForwardOutputParameters(ParameterChanges changes, PluginInstance plugin)
    {
        var count = changes.GetParameterCount();
        for (var i = 0; i < count; i++)
        {
            var queue = new HostParamValueQueue(changes.GetParameterData(i));
            if (queue.PointCount > 0 && queue.TryGetPoint(queue.PointCount - 1, out _, out var value))
                plugin.TrySetControllerParameter(queue.ParameterId, value);
        }
    }

    private static float PeakOf(ReadOnlySpan<float> samples)
    {
        var peak = 0f;
        foreach (var s in samples) peak = Math.Max(peak, Math.Abs(s));
        return peak;
    }
}
