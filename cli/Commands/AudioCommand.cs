using System.CommandLine;
using System.Globalization;
using Euterpe.Core.Audio;
using Euterpe.Core.Evaluation;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe audio info FILE.wav…</c>: whether audio sounds like music — spectral flatness, level spread, onsets.</summary>
public static class AudioCommand
{
    public static Command Create()
    {
        var command = new Command("audio", "Inspect WAV audio.");
        command.Subcommands.Add(CreateInfo());
        return command;
    }

    private static Command CreateInfo()
    {
        var files = new Argument<string[]>("FILES") { Description = "WAV files (PCM or float, any rate; mixed to mono and measured at 16 kHz).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("info",
            "Print each file's duration, spectral flatness (mean over non-silent 64 ms frames, 0–7 kHz; noise ≈ 0.56, tones ≈ 0), " +
            "frame level spread (s.d. of frame RMS in dB over frames above −60 dBFS) and spectral-flux onsets per second; " +
            "the exact definitions are in core/Evaluation (AudioSpectrogram, SpectralFlatness, FrameLevelSpread, OnsetRate).");
        command.Arguments.Add(files);
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            // Every file is read before anything is printed: a bad one is one error line, not half a table.
            var measured = result.GetValue(files)!.Select(f => (File: f, Metrics: AudioMetrics.Measure(WavFile.Read(f)))).ToList();
            output.WriteLine("| file | seconds | spectral flatness | level spread (dB) | onsets/s | non-silent frames |");
            output.WriteLine("|---|---|---|---|---|---|");
            foreach (var (file, m) in measured)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {file} | {m.Seconds:F2} | {F(m.SpectralFlatness, "F4")} | {F(m.FrameRmsSpreadDb, "F2")} | {F(m.OnsetsPerSecond, "F2")} | {m.LoudFrameShare:P0} |"));
            return 0;
        });
        return command;
    }

    private static string F(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
