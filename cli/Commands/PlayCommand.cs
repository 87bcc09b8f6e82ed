using System.CommandLine;
using System.Globalization;
using Euterpe.Core.Presets;
using Euterpe.Host;
using Euterpe.Host.Jack;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe play</c>: run a VST3 instrument in real time as a JACK client, then report xruns and process times.</summary>
public static class PlayCommand
{
    public static Command Create()
    {
        var plugin = new Option<string>("--plugin") { Description = "VST3 bundle (default: our artifacts/Euterpe.vst3)." };
        var className = new Option<string>("--class") { Description = "Audio Module Class of the bundle to play (default: the first)." };
        var preset = new Option<string>("--preset") { Description = "Preset to play: a name from the plug-in's Model list, or a preset folder (model.onnx + manifest.json)." };
        var midiIn = new Option<string>("--midi-in") { Description = "MIDI file played into the plug-in alongside the JACK MIDI input." };
        var seconds = new Option<double>("--seconds") { Description = "How long to run (default: the MIDI file's length + 2 s, or 10 s)." };
        var tempo = new Option<double>("--tempo") { Description = "Tempo in BPM for the ProcessContext.", DefaultValueFactory = _ => 120 };
        var server = new Option<string>("--server") { Description = "JACK server name (default: the default server)." };
        var noConnect = new Option<bool>("--no-connect") { Description = "Do not connect the outputs to system playback." };
        var command = new Command("play", "Play a VST3 instrument in real time as a JACK client (2 audio outs, 1 MIDI in).")
        {
            plugin, className, preset, midiIn, seconds, tempo, server, noConnect,
        };
        command.SetAction(parseResult =>
        {
            var err = parseResult.InvocationConfiguration.Error;
            // Ctrl+C ends the session cleanly (deactivate, close) and still prints the report.
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            var options = new PlayOptions(parseResult.GetValue(plugin) ?? BundleLocator.Default())
            {
                MidiIn = parseResult.GetValue(midiIn),
                Preset = parseResult.GetValue(preset),
                ClassName = parseResult.GetValue(className),
                Seconds = parseResult.GetValue(seconds),
                Tempo = parseResult.GetValue(tempo),
                ServerName = parseResult.GetValue(server),
                ConnectPlayback = !parseResult.GetValue(noConnect),
                Cancel = stop.Token,
            };
            PlayResult result;
            try
            {
                result = JackPlayer.Play(options, line => err.WriteLine(line));
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            parseResult.InvocationConfiguration.Output.Write(Format(result));
            return result.ProcessErrors > 0 ? 1 : 0;
        });
        return command;
    }

    internal static string Format(PlayResult r)
    {
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"""
            played {r.Seconds:0.0} s at {r.SampleRate} Hz, period {r.Period} frames ({r.Period * 1000.0 / r.SampleRate:0.###} ms), {r.Callbacks} callbacks
            xruns: {r.Xruns}
            process time / period: median {r.MedianLoad:0.0000}, p99 {r.P99Load:0.0000}, max {r.MaxLoad:0.0000}; callbacks over one period: {r.OverPeriodCallbacks}
            process thread: {r.ThreadPolicy}; memory locked: {(r.MemoryLocked ? "yes" : "no")}; garbage collections while playing: {r.GarbageCollections}
            callbacks that allocated (after warm-up): {r.AllocatingCallbacks}; process errors: {r.ProcessErrors}
            events: {r.FileEventsSent} from the file, {r.JackMidiEventsReceived} from JACK MIDI; peak {r.Peak:0.####}

            """);
    }
}
