using System.CommandLine;
using System.Globalization;
using Euterpe.Core.Audio;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;
using Euterpe.Host;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe render</c>: offline render of a VST3 instrument, block by block, as a DAW's export does.</summary>
public static class RenderCommand
{
    public static Command Create()
    {
        var plugin = new Option<string>("--plugin") { Description = "VST3 bundle (default: our artifacts/Euterpe.vst3)." };
        var className = new Option<string>("--class") { Description = "Audio Module Class of the bundle to play (default: the first)." };
        var preset = new Option<string>("--preset") { Description = "Preset to play: a name from the plug-in's Model list, or a preset folder (model.onnx + manifest.json)." };
        var vstPreset = new Option<string>("--vstpreset") { Description = "Start from the state in this .vstpreset file (the plug-in's own presets: see 'host vstpreset')." };
        var seconds = new Option<double>("--seconds") { Description = $"Length of the render in seconds (at most {GenerationRequest.MaxSeconds}).", Required = true };
        var tempo = new Option<double>("--tempo") { Description = "Tempo in BPM for the ProcessContext and the output MIDI.", DefaultValueFactory = _ => 120 };
        var midiIn = new Option<string>("--midi-in") { Description = "MIDI file whose notes are sent to the plug-in's event input, sample-accurately." };
        var midiDelay = new Option<double>("--midi-delay") { Description = "Start the --midi-in file this many seconds into the timeline." };
        var output = new Option<string>("--out") { Description = "Output WAV file.", Required = true };
        var midiOut = new Option<string>("--midi-out") { Description = "Write the plug-in's output note events here (MIDI file at --tempo)." };
        var sampleRate = new Option<int>("--sample-rate") { Description = "Sample rate in Hz.", DefaultValueFactory = _ => 48000 };
        var block = new Option<int>("--block") { Description = "Block size in frames.", DefaultValueFactory = _ => 512 };
        var pcm16 = new Option<bool>("--pcm16") { Description = "Write 16-bit PCM instead of 32-bit float." };
        var param = new Option<string[]>("--param") { Description = "Automation point ID=VALUE[@SECONDS], VALUE normalized 0…1 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var quiet = new Option<bool>("--quiet") { Description = "No progress line." };
        var command = new Command("render", "Render a VST3 instrument offline to WAV (and its generated MIDI) through the standalone host.")
        {
            plugin, className, preset, vstPreset, seconds, tempo, midiIn, midiDelay, output, midiOut, sampleRate, block, pcm16, param, quiet,
        };
        command.SetAction(parseResult =>
        {
            var err = parseResult.InvocationConfiguration.Error;
            var outText = parseResult.InvocationConfiguration.Output;
            var progress = ProgressLine.ForStderr(err, parseResult.GetValue(quiet));
            var options = new RenderOptions(parseResult.GetValue(plugin) ?? BundleLocator.Default(), parseResult.GetValue(seconds), parseResult.GetValue(output)!)
            {
                Tempo = parseResult.GetValue(tempo),
                SampleRate = parseResult.GetValue(sampleRate),
                Block = parseResult.GetValue(block),
                MidiIn = parseResult.GetValue(midiIn),
                MidiInDelay = parseResult.GetValue(midiDelay),
                MidiOut = parseResult.GetValue(midiOut),
                Preset = parseResult.GetValue(preset),
                VstPreset = parseResult.GetValue(vstPreset),
                ClassName = parseResult.GetValue(className),
                Format = parseResult.GetValue(pcm16) ? WavSampleFormat.Pcm16 : WavSampleFormat.Float32,
                ParameterChanges = (parseResult.GetValue(param) ?? []).Select(ParameterChange.Parse).ToArray(),
                Progress = progress.Report,
            };
            // The plug-in's own log lines would be a second account of a failure the render reports in one error line.
            ProcessEnvironment.Set("EUTERPE_PLUGIN_STDERR", "0");
            var result = OfflineRenderer.Render(options);
            progress.Done();
            var c = CultureInfo.InvariantCulture;
            if (result.PresetNote.Length > 0) err.WriteLine($"warning: {result.PresetNote}");
            outText.WriteLine(string.Create(c, $"rendered {result.Seconds:0.###} s at {result.SampleRate} Hz, {result.Channels} channels, peak {result.Peak:0.####} -> {options.OutWav}"));
            outText.WriteLine(string.Create(c, $"events: {result.InputEvents} sent, {result.OutputNoteOns} note-ons from the plug-in{(options.MidiOut is null ? "" : $" -> {options.MidiOut}")}"));
            outText.WriteLine(string.Create(c, $"state round trip: {(result.StateRoundTripIdentical ? "identical" : "DIFFERENT")}; controller edits: {result.ControllerEdits.Count}"));
            outText.WriteLine(string.Create(c, $"speed: {result.Speed:0.0}x real time ({result.Elapsed.TotalSeconds:0.00} s wall)"));
            return 0;
        });
        return command;
    }
}
