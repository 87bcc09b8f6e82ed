using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe data prepare</c>: encode a folder of music once into a cache of .npy shards.</summary>
public static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Prepare training data.");
        command.Subcommands.Add(CreatePrepare());
        return command;
    }

    private static Command CreatePrepare()
    {
        var data = new Option<string>("--data") { Description = "Folder of music files (.mid, .midi, .kar, .abc), searched recursively.", Required = true };
        var encoding = new Option<string>("--encoding") { Description = string.Join(" | ", DataEncodings.CommandLineNames) + $" ({DataEncodings.FftFrames}: WAV files).", Required = true };
        var output = new Option<string>("--out") { Description = "Cache folder to write (replaced atomically).", Required = true };
        var fraction = new Option<double>("--validation-fraction") { Description = "Fraction of the files held out for validation.", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the train/validation split.", DefaultValueFactory = _ => 0 };
        var layout = new Option<string>("--layout") { Description = "fft-frames only: stft (windowed, overlapping; the framing of the shipped fft-lstm preset) | gruv (non-overlapping frames).", DefaultValueFactory = _ => "stft" };
        var frame = new Option<int?>("--frame") { Description = "fft-frames only: samples per frame at 16 kHz (default 4000 gruv, 512 stft)." };
        var hop = new Option<int?>("--hop") { Description = "fft-frames only, stft: hop in samples (default frame/2)." };
        var command = new Command("prepare",
            "Encode every music file of a folder into train/validation shards (split by file), with cache.json and skipped.txt. " +
            "Unreadable files are skipped with a reason.");
        command.Options.Add(data);
        command.Options.Add(encoding);
        command.Options.Add(output);
        command.Options.Add(fraction);
        command.Options.Add(seed);
        var melody = new Option<bool>("--melody") { Description = "performance only: encode just the melody the n-gram model sees (skyline, 16th grid, at 150 BPM), to compare the two on the same notes." };
        command.Options.Add(melody);
        command.Options.Add(layout);
        command.Options.Add(frame);
        command.Options.Add(hop);
        command.SetAction(result =>
        {
            var config = result.InvocationConfiguration;
            var encodingName = result.GetValue(encoding)!;
            if (DataEncodings.ParseCommandLine(encodingName) is not { } tokens)
                return encodingName.Equals(DataEncodings.PianoRoll, StringComparison.OrdinalIgnoreCase)
                    ? PreparePianoRoll(result, data, output, fraction, seed, [melody, layout, frame, hop])
                    : encodingName.Equals(DataEncodings.MultiTrack, StringComparison.OrdinalIgnoreCase)
                    ? PrepareMultiTrack(result, data, output, fraction, seed, [melody, layout, frame, hop])
                    : PrepareAudio(result, data, output, fraction, seed, layout, frame, hop);
            var options = new PrepareOptions
            {
                Encoding = tokens,
                ValidationFraction = result.GetValue(fraction),
                Seed = result.GetValue(seed),
                Melody = result.GetValue(melody),
            };
            var outFolder = result.GetValue(output)!;
            var progress = ProgressLine.ForStderr(config.Error);
            var manifest = CacheWriter.Prepare(result.GetValue(data)!, options, outFolder, progress.Report);
            WriteSummary(config.Output, config.Error, manifest, outFolder);
            return 0;
        });
        return command;
    }

    private static int PrepareAudio(ParseResult result, Option<string> data, Option<string> output, Option<double> fraction, Option<ulong> seed,
        Option<string> layout, Option<int?> frame, Option<int?> hop)
    {
        var config = result.InvocationConfiguration;
        var name = result.GetValue(layout)!;
        var frameLength = result.GetValue(frame) ?? (name == "stft" ? 512 : 4000);
        var hopLength = name == "stft" ? result.GetValue(hop) ?? frameLength / 2 : frameLength;
        var outFolder = result.GetValue(output)!;
        var progress = ProgressLine.ForStderr(config.Error);
        var m = AudioFrameCache.Prepare(result.GetValue(data)!, name, frameLength, hopLength, result.GetValue(fraction), result.GetValue(seed), outFolder, progress.Report);
        foreach (var s in m.Skipped) config.Error.WriteLine($"skipped: {s.Path}: {s.Reason}");
        config.Output.WriteLine($"cache: {outFolder} (fft-frames, {m.FrameLayout}, frame {m.FrameLength}, hop {m.Hop}, {m.FrameSize} floats per frame)");
        config.Output.WriteLine($"train: {m.TrainFiles.Count} files");
        config.Output.WriteLine($"validation: {m.ValidationFiles.Count} files");
        config.Output.WriteLine($"skipped: {m.Skipped.Count} file(s){(m.Skipped.Count > 0 ? " (listed in skipped.txt)" : "")}");
        return 0;
    }

    private static int PreparePianoRoll(ParseResult result, Option<string> data, Option<string> output, Option<double> fraction, Option<ulong> seed, Option[] other)
    {
        // The grid is fixed: an option of another encoding would be silently ignored.
        if (other.FirstOrDefault(o => result.GetResult(o) is { Implicit: false }) is { } given)
            throw new Core.EuterpeException($"{given.Name}: not an option of --encoding {DataEncodings.PianoRoll}");
        var config = result.InvocationConfiguration;
        var outFolder = result.GetValue(output)!;
        var progress = ProgressLine.ForStderr(config.Error);
        var m = PianoRollCache.Prepare(result.GetValue(data)!, result.GetValue(fraction), result.GetValue(seed), outFolder, progress.Report);
        foreach (var s in m.Skipped) config.Error.WriteLine($"skipped: {s.Path}: {s.Reason}");
        string Split(string name) => string.Create(CultureInfo.InvariantCulture,
            $"{m.Files.Count(f => f.Split == name)} files, {m.Files.Where(f => f.Split == name).Sum(f => f.Clips)} clips, {(name == "train" ? m.Train : m.Validation).Count} shard(s)");
        config.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cache: {outFolder} (pianoroll, clips of {m.BeatsPerClip} beats × {m.StepsPerBeat} steps × {m.Pitches} pitches, velocities)"));
        config.Output.WriteLine($"train: {Split("train")}");
        config.Output.WriteLine($"validation: {Split("validation")}");
        config.Output.WriteLine($"skipped: {m.Skipped.Count} file(s){(m.Skipped.Count > 0 ? " (listed in skipped.txt)" : "")}");
        return 0;
    }

    private static int PrepareMultiTrack(ParseResult result, Option<string> data, Option<string> output, Option<double> fraction, Option<ulong> seed, Option[] other)
    {
        // The grid is fixed: an option of another encoding would be silently ignored.
        if (other.FirstOrDefault(o => result.GetResult(o) is { Implicit: false }) is { } given)
            throw new Core.EuterpeException($"{given.Name}: not an option of --encoding {DataEncodings.MultiTrack}");
        var config = result.InvocationConfiguration;
        var outFolder = result.GetValue(output)!;
        var progress = ProgressLine.ForStderr(config.Error);
        var m = MultiTrackCache.Prepare(result.GetValue(data)!, result.GetValue(fraction), result.GetValue(seed), outFolder, progress.Report);
        foreach (var s in m.Skipped) config.Error.WriteLine($"skipped: {s.Path}: {s.Reason}");
        string Split(string name) => string.Create(CultureInfo.InvariantCulture,
            $"{m.Files.Count(f => f.Split == name)} files, {m.Files.Where(f => f.Split == name).Sum(f => f.Clips)} clips, {(name == "train" ? m.Train : m.Validation).Count} shard(s)");
        config.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cache: {outFolder} (multitrack, clips of {m.Tracks} tracks × {m.BeatsPerClip} beats × {m.StepsPerBeat} steps × {m.Pitches} pitches, bits)"));
        config.Output.WriteLine($"notes per track: {string.Join(", ", m.TrackNotes.Select((n, t) => (n, t)).Where(x => x.n > 0).Select(x => string.Create(CultureInfo.InvariantCulture, $"{Core.Music.InstrumentFamilies.Name((Core.Music.InstrumentFamily)x.t)} {x.n}")))}");
        config.Output.WriteLine($"train: {Split("train")}");
        config.Output.WriteLine($"validation: {Split("validation")}");
        config.Output.WriteLine($"skipped: {m.Skipped.Count} file(s){(m.Skipped.Count > 0 ? " (listed in skipped.txt)" : "")}");
        return 0;
    }

    internal static void WriteSummary(TextWriter output, TextWriter error, CacheManifest m, string outFolder)
    {
        foreach (var s in m.Skipped) error.WriteLine($"skipped: {s.Path}: {s.Reason}");
        string Split(CacheSplitSummary s) => string.Create(CultureInfo.InvariantCulture,
            $"{s.Files} files, {s.Pieces} pieces, {s.Tokens} tokens, {s.Shards.Count} shard(s)");
        output.WriteLine($"cache: {outFolder} ({m.Encoding}{(m.VocabularySize > 0 ? $", vocabulary {m.VocabularySize}" : "")})");
        output.WriteLine($"train: {Split(m.Train)}");
        output.WriteLine($"validation: {Split(m.Validation)}");
        output.WriteLine($"skipped: {m.Skipped.Count} file(s){(m.Skipped.Count > 0 ? " (listed in skipped.txt)" : "")}");
    }
}
