using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Euterpe.Core.Encoding;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks -- midi-read DIR</c>: reads every MIDI file of a folder from memory
/// and reports files/s and MB/s for each per-file step, beside python3-mido parsing the same files in the same run.
/// Steps run in order on every file and may use what earlier steps left on <see cref="MidiBenchmarkFile"/>;
/// append a step to <see cref="Steps"/> (e.g. encoding the sequence to performance events) to time it too.
/// </summary>
public static class MidiReadBenchmark
{
    private const double MinSecondsPerStep = 2.0;

    private static readonly PerformanceEncoding Performance = new();

    public static readonly List<MidiBenchmarkStep> Steps =
    [
        new("euterpe parse (MidiFile events)", f => f.File = MidiFile.Parse(f.Bytes, f.Path)),
        new("euterpe read (NoteSequence)", f => f.Sequence = MidiFileReader.Read(f.Bytes, f.Path)),
        // The issue's figure: read every file and encode it to performance events, end to end.
        new("euterpe read + performance events", f => f.Tokens = Performance.Encode(MidiFileReader.Read(f.Bytes, f.Path))),
    ];

    public static int Run(string directory)
    {
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"error: {directory}: not a directory");
            return 2;
        }
        var files = new List<MidiBenchmarkFile>();
        foreach (var path in Directory.GetFiles(directory).Where(IsMidi).Order(StringComparer.Ordinal))
        {
            var file = new MidiBenchmarkFile(path, File.ReadAllBytes(path));
            try
            {
                // One untimed pass of every step: a warm-up, and a check that the file reads at all.
                foreach (var step in Steps) step.Run(file);
                files.Add(file);
            }
            catch (MidiFormatException ex)
            {
                Console.Error.WriteLine($"skipped: {ex.Message}");
            }
        }
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"error: {directory}: no readable MIDI files");
            return 2;
        }
        var megabytes = files.Sum(f => (long)f.Bytes.Length) / 1e6;
        var notes = files.Sum(f => f.Sequence?.Notes.Count ?? 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"midi-read: {files.Count} files, {megabytes:0.000} MB, {notes} notes in {directory} ({Environment.ProcessorCount} cores)"));
        Console.WriteLine($"{"step",-36} {"files/s",12} {"MB/s",10} {"passes",8} {"seconds",9}");

        foreach (var step in Steps)
        {
            var (passes, seconds) = Time(() => { foreach (var f in files) step.Run(f); });
            Report(step.Name, files.Count, megabytes, passes, seconds);
        }
        var mido = TimeMido(files);
        if (mido is { } m) Report("python3-mido MidiFile", files.Count, megabytes, m.Passes, m.Seconds);
        return 0;
    }

    private static (int Passes, double Seconds) Time(Action pass)
    {
        var watch = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            pass();
            passes++;
        }
        while (watch.Elapsed.TotalSeconds < MinSecondsPerStep);
        return (passes, watch.Elapsed.TotalSeconds);
    }

    private static (int Passes, double Seconds)? TimeMido(List<MidiBenchmarkFile> files)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            Console.WriteLine($"python3-mido: skipped, {python} is missing (scripts/install-deps.sh installs python3-mido)");
            return null;
        }
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(MidoScript());
        info.ArgumentList.Add(MinSecondsPerStep.ToString(CultureInfo.InvariantCulture));
        foreach (var f in files) info.ArgumentList.Add(f.Path);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        if (process.ExitCode != 0 || output.Length != 2)
        {
            Console.WriteLine($"python3-mido: failed: {error.Result.Trim()}");
            return null;
        }
        return (int.Parse(output[0], CultureInfo.InvariantCulture), double.Parse(output[1], CultureInfo.InvariantCulture));
    }

    private static void Report(string name, int files, double megabytes, int passes, double seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} {files * passes / seconds,12:0.0} {megabytes * passes / seconds,10:0.00} {passes,8} {seconds,9:0.000}"));

    private static bool IsMidi(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".mid" or ".midi" or ".smf" or ".kar";

    private static string MidoScript([CallerFilePath] string self = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(self)!, "MidiReadMido.py");
        return File.Exists(beside) ? beside : Path.Combine(AppContext.BaseDirectory, "MidiReadMido.py");
    }
}
