using System.Diagnostics;
using Euterpe.Core.Presets;
using Euterpe.Host.Jack;
using Xunit.Abstractions;

namespace Euterpe.Host.Tests;

/// <summary>Real time against a private <c>jackd -d dummy</c> server (jackd2 is a dependency; the test fails clearly without it).</summary>
[Collection(PluginInstanceCollection.Name)]
public class JackPlayTests(ITestOutputHelper output)
{
    [Fact]
    public void Playing_a_song_for_five_seconds_against_a_dummy_server_has_no_xruns_no_allocations_and_no_errors()
    {
        const int period = 256;
        var server = "euterpe-host-test";
        using var jackd = StartJackd(server, period);
        var result = JackPlayer.Play(new PlayOptions(TestData.Bundle())
        {
            Preset = "Off", MidiIn = TestData.Song("5432gone_redfarn.mid"), Seconds = 5, ServerName = server, ClientName = "euterpe-test",
        });

        output.WriteLine($"{result.Callbacks} callbacks, {result.Xruns} xruns, process time / period: median {result.MedianLoad:0.000}, p99 {result.P99Load:0.000}, max {result.MaxLoad:0.000}; load average {LoadAverage():0.0}");
        Assert.Equal(48000, result.SampleRate);
        Assert.Equal(period, result.Period);
        var expected = 5.0 * 48000 / period;
        Assert.InRange(result.Callbacks, expected * 0.85, expected * 1.15);
        Assert.Equal(0, result.ProcessErrors);
        Assert.Equal(0, result.AllocatingCallbacks);
        Assert.True(result.FileEventsSent > 100, $"only {result.FileEventsSent} events reached the plug-in");
        Assert.True(result.Peak > 0.01f, "the plug-in stayed silent");
        Assert.Contains("system:playback_1", result.Connections);
        Assert.InRange(result.MedianLoad, 0, result.P99Load);
        Assert.InRange(result.P99Load, 0, result.MaxLoad);
        // Xruns also come from the scheduler: on this kind of virtual machine jackd's dummy driver wakes late by itself
        // (benchmarks/host/realtime.sh measured 13 xruns a minute at 256 frames with no client, and 12 with JACK's own
        // jack_simple_client), so zero xruns cannot be required here; the figures against that baseline belong to the
        // benchmark. What is ours to hold: 99 % of callbacks finish inside the period, and xruns stay rare.
        var load = LoadAverage();
        Assert.True(result.P99Load < 1 || load > Environment.ProcessorCount, $"1 % of callbacks took more than {result.P99Load:0.00} periods at load average {load:0.0}");
        Assert.True(result.Xruns <= result.Callbacks / 100 || load > Environment.ProcessorCount,
            $"{result.Xruns} xruns in {result.Callbacks} periods at load average {load:0.0} on {Environment.ProcessorCount} cores (process time / period: median {result.MedianLoad:0.000}, p99 {result.P99Load:0.000}, max {result.MaxLoad:0.000})");
    }

    [Fact]
    public async Task Notes_from_another_jack_client_reach_the_plugin_through_the_midi_input()
    {
        var server = "euterpe-host-midi";
        using var jackd = StartJackd(server, 256);
        using var sender = new JackMidiSender(server, "sender");
        var play = Task.Run(() => JackPlayer.Play(new PlayOptions(TestData.Bundle())
        {
            Seconds = 3, ServerName = server, ClientName = "euterpe-test", ConnectPlayback = false,
        }));
        var clock = Stopwatch.StartNew();
        var connected = false;
        // The player's client appears once the bundle is loaded: seconds on a loaded machine (seen: over 3 s while
        // other builds ran), so the wait is bounded by the player's end, with 20 s as the last guard.
        while (!connected && clock.Elapsed < TimeSpan.FromSeconds(20) && !play.IsCompleted)
        {
            connected = sender.ConnectTo("euterpe-test:midi_in");
            if (!connected) await Task.Delay(20);
        }
        Assert.True(connected, "could not connect sender:midi_out to euterpe-test:midi_in");
        var result = await play;
        output.WriteLine($"{sender.Sent} events sent, {result.JackMidiEventsReceived} received, peak {result.Peak:0.000}");
        Assert.True(result.JackMidiEventsReceived >= 4, $"{result.JackMidiEventsReceived} JACK MIDI events reached the player ({sender.Sent} sent)");
        Assert.InRange(result.JackMidiEventsReceived, 1, sender.Sent);
        Assert.True(result.Peak > 0.01f, "the notes from JACK MIDI made no sound");
        Assert.Equal(0, result.FileEventsSent);
        Assert.Equal(0, result.ProcessErrors);
    }

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static StartedProcess StartJackd(string name, int period)
    {
        var jackd = new[] { "/usr/bin/jackd", "/usr/local/bin/jackd" }.FirstOrDefault(File.Exists);
        Assert.True(jackd is not null, "jackd: not installed; run scripts/install-deps.sh (jackd2)");
        // Disposed, it gets SIGTERM first, so jackd leaves JACK's shared server registry (SIGKILL leaks a slot; there are 8).
        var process = ProcessRunner.Start(jackd!, ["-n", name, "-d", "dummy", "-r", "48000", "-p", period.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        // jackd has no readiness signal: its socket (jack_NAME_UID_0, in /dev/shm or /tmp) appears when it accepts clients.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
        {
            if (new[] { "/dev/shm", "/tmp" }.Any(d => Directory.Exists(d) && Directory.GetFileSystemEntries(d, $"jack_{name}_*").Length > 0)) break;
            Thread.Sleep(50);
        }
        Thread.Sleep(300);
        Assert.False(process.HasExited, $"jackd -n {name} -d dummy exited with {(process.HasExited ? process.ExitCode : 0)}; it should start on this machine: {string.Join(" | ", process.OutputLines().Where(l => !l.StartsWith("Copyright", StringComparison.Ordinal)).TakeLast(4))}");
        return process;
    }
}
