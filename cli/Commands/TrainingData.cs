using Euterpe.Core;
using Euterpe.Training.Data;

namespace Euterpe.Cli.Commands;

/// <summary>
/// What every <c>train</c> command does with <c>--data</c>: open a prepared cache as it is, or prepare a music folder
/// in memory (with progress, and a <c>skipped:</c> line per unreadable file) with the family's encoding.
/// </summary>
internal static class TrainingData
{
    public static PreparedDataset Load(string source, DataEncoding encoding, double validationFraction, ulong seed, TextWriter error)
    {
        if (PreparedCache.IsCache(source)) return PreparedCache.Open(source);
        // Another kind of cache is named as one, not read as a folder that holds no music files.
        if (PianoRollCache.IsCache(source) || MultiTrackCache.IsCache(source) || File.Exists(Path.Combine(source, AudioFrameCache.ManifestName)))
            throw new EuterpeException($"{source}: not a {DataEncodings.Name(encoding)} cache; prepare one with `euterpe data prepare --encoding {DataEncodings.Name(encoding)}`, or pass a folder of music files");
        if (!Directory.Exists(source)) throw new EuterpeException($"{source}: folder not found (neither a prepared cache nor a folder)");
        var options = new PrepareOptions { Encoding = encoding, ValidationFraction = validationFraction, Seed = seed };
        var dataset = DatasetPreparer.Prepare(source, options, ProgressLine.ForStderr(error).Report);
        foreach (var s in dataset.Skipped) error.WriteLine($"skipped: {s.Path}: {s.Reason}");
        return dataset;
    }
}
