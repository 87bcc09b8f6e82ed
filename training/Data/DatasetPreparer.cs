using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Core.Music;

namespace Euterpe.Training.Data;

/// <summary>
/// Reads every music file of a folder, encodes it, and splits it by file into train and validation
/// (<see cref="DatasetSplit"/>). A file that cannot be read or encoded is skipped with its reason, never fatal.
/// </summary>
public static class DatasetPreparer
{
    /// <summary>Encodes the folder into memory (for training straight from a folder, or for <see cref="CacheWriter.Write"/>).</summary>
    /// <param name="progress">Called after each file with (files done, file count, relative path).</param>
    public static PreparedDataset Prepare(string dataFolder, PrepareOptions options, Action<int, int, string>? progress = null)
    {
        var (manifest, train, validation) = Run(dataFolder, options, progress, shardFolder: null);
        return new PreparedDataset(manifest, train, validation);
    }

    /// <summary>Encodes the folder, writing each shard into <paramref name="shardFolder"/> as soon as it is full (see <see cref="CacheWriter.Prepare"/>).</summary>
    internal static CacheManifest PrepareInto(string dataFolder, PrepareOptions options, string shardFolder, Action<int, int, string>? progress) =>
        Run(dataFolder, options, progress, shardFolder).Manifest;

    private static (CacheManifest Manifest, IReadOnlyList<PreparedSequence> Train, IReadOnlyList<PreparedSequence> Validation) Run(
        string dataFolder, PrepareOptions options, Action<int, int, string>? progress, string? shardFolder)
    {
        var files = MusicFiles.List(dataFolder);
        if (files.Count == 0) throw new EuterpeException($"{dataFolder}: no music files (.mid, .midi, .kar, .abc) in this folder");
        var root = Path.GetFullPath(dataFolder);
        var validationMask = DatasetSplit.ValidationMask(files.Count, options.ValidationFraction, options.Seed);
        var encoder = new PieceEncoder(options);
        var featureLength = options.Encoding is DataEncoding.Performance or DataEncoding.Abc ? ConditioningFeatures.Length : 0;
        var shardLimit = options.ShardTokens;
        if (shardLimit < 1) throw new EuterpeException($"shard size {shardLimit} must be positive");
        var train = new SplitBuilder("train", featureLength, shardLimit, shardFolder);
        var validation = new SplitBuilder("validation", featureLength, shardLimit, shardFolder);

        var skipped = new List<SkippedFile>();
        var entries = new List<CacheFileEntry>();
        for (var i = 0; i < files.Count; i++)
        {
            var relative = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
            List<PreparedSequence>? pieces = null;
            try
            {
                pieces = encoder.Encode(files[i], relative);
                if (pieces.Count == 0) skipped.Add(new SkippedFile(relative, encoder.EmptyReason));
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                skipped.Add(new SkippedFile(relative, SkippedFile.ReasonOf(e, files[i])));
            }
            if (pieces is { Count: > 0 }) entries.Add((validationMask[i] ? validation : train).AddFile(relative, pieces));
            progress?.Invoke(i + 1, files.Count, relative);
        }

        var manifest = new CacheManifest
        {
            Encoding = DataEncodings.Name(options.Encoding),
            VocabularySize = encoder.VocabularySize,
            Data = root,
            Seed = options.Seed,
            ValidationFraction = options.ValidationFraction,
            Performance = options.Encoding == DataEncoding.Performance ? options.Performance : null,
            Notes = options.Encoding == DataEncoding.Notes ? options.Notes : null,
            FeatureLength = featureLength,
            Files = [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal)],
            Skipped = skipped,
            Train = train.Finish(),
            Validation = validation.Finish(),
        };
        return (manifest, train.Kept, validation.Kept);
    }

    /// <summary>Turns one file into encoded pieces for the chosen encoding.</summary>
    private sealed class PieceEncoder(PrepareOptions options)
    {
        private readonly PerformanceEncoding _performance = new(options.Performance);
        private readonly MonophonicNoteEncoding _notes = options.Notes.Create();

        // The ABC dialect's melody has its own fixed pitch range, whatever the note encoding's settings.
        private static readonly NoteEncodingSettings AbcMelody = new();

        public int VocabularySize => options.Encoding switch
        {
            DataEncoding.Performance => _performance.VocabularySize,
            DataEncoding.Abc => AbcCharacterEncoding.VocabularySize,
            _ => _notes.JointVocabularySize,
        };

        public string EmptyReason => options.Encoding switch
        {
            DataEncoding.Notes => $"no melodic notes in pitches {options.Notes.MinPitch}..{options.Notes.MaxPitch}",
            DataEncoding.Abc => $"no melodic notes in pitches {AbcMelody.MinPitch}..{AbcMelody.MaxPitch}",
            _ => "no notes to encode (empty, or drums only)",
        };

        public List<PreparedSequence> Encode(string fullPath, string relative)
        {
            var result = new List<PreparedSequence>();
            foreach (var (name, sequence) in MusicFiles.Load(fullPath))
            {
                var pieceName = relative + name[fullPath.Length..]; // keeps the "#X" of an ABC tune
                if (EncodePiece(pieceName, relative, sequence) is { } piece) result.Add(piece);
            }
            return result;
        }

        private PreparedSequence? EncodePiece(string name, string relative, NoteSequence sequence)
        {
            if (options.Encoding == DataEncoding.Notes)
            {
                var notes = _notes.Encode(sequence);
                return notes.Length == 0 ? null : new PreparedSequence(name, relative, notes, Velocities: _notes.Velocities(sequence));
            }
            if (options.Encoding == DataEncoding.Abc)
            {
                // The features describe the melody the text spells, not the whole arrangement it came from.
                var melody = AbcCharacterEncoding.PlainMelody(sequence);
                if (melody.Notes.Count == 0) return null;
                return new PreparedSequence(name, relative, AbcCharacterEncoding.Encode(AbcCharacterEncoding.BodyOf(melody)), ConditioningFeatures.Compute(melody).ToArray());
            }
            if (options.Melody) sequence = MelodyOf(sequence);
            var events = _performance.Encode(sequence);
            return events.Length == 0 ? null : new PreparedSequence(name, relative, events, ConditioningFeatures.Compute(sequence).ToArray());
        }

        private NoteSequence MelodyOf(NoteSequence sequence)
        {
            var decoded = _notes.DecodePairs(_notes.EncodePairs(sequence));
            var tempo = new TempoMap(decoded.TicksPerQuarter, [TempoChange.FromBpm(0, PrepareOptions.MelodyBpm)]);
            var melody = new NoteSequence(decoded.TicksPerQuarter, tempo);
            foreach (var n in decoded.Notes) melody.AddNote(n.Pitch, n.Velocity, n.StartTick, n.EndTick);
            return melody;
        }
    }
}
