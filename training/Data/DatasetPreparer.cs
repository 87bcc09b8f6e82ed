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
    /// <summary>A shard is closed once it holds this many tokens (token encodings).</summary>
    public const long ShardTokenLimit = 1L << 24;

    /// <summary>A shard is closed once it holds this many piano-roll windows.</summary>
    public const long ShardWindowLimit = 256;

    /// <param name="progress">Called after each file with (files done, file count, relative path).</param>
    public static PreparedDataset Prepare(string dataFolder, PrepareOptions options, Action<int, int, string>? progress = null)
    {
        var files = MusicFiles.List(dataFolder);
        if (files.Count == 0) throw new EuterpeException($"{dataFolder}: no music files (.mid, .midi, .kar, .abc) in this folder");
        var root = Path.GetFullPath(dataFolder);
        var validationMask = DatasetSplit.ValidationMask(files.Count, options.ValidationFraction, options.Seed);
        var encoder = new PieceEncoder(options);

        var skipped = new List<SkippedFile>();
        var encoded = new List<(string Path, bool Validation, List<PreparedSequence> Pieces)>();
        for (var i = 0; i < files.Count; i++)
        {
            var relative = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
            try
            {
                var pieces = encoder.Encode(files[i], relative);
                if (pieces.Count == 0) skipped.Add(new SkippedFile(relative, encoder.EmptyReason));
                else encoded.Add((relative, validationMask[i], pieces));
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                skipped.Add(new SkippedFile(relative, Reason(e, files[i])));
            }
            progress?.Invoke(i + 1, files.Count, relative);
        }

        var isRoll = options.Encoding == DataEncoding.PianoRoll;
        var entries = new List<CacheFileEntry>();
        var (train, trainSummary) = Assign("train", encoded.Where(f => !f.Validation), isRoll, entries);
        var (validation, validationSummary) = Assign("validation", encoded.Where(f => f.Validation), isRoll, entries);
        var manifest = new CacheManifest
        {
            Encoding = DataEncodings.Name(options.Encoding),
            VocabularySize = encoder.VocabularySize,
            Data = root,
            Seed = options.Seed,
            ValidationFraction = options.ValidationFraction,
            Performance = options.Encoding == DataEncoding.Performance ? options.Performance : null,
            Notes = options.Encoding == DataEncoding.Notes ? options.Notes : null,
            PianoRoll = isRoll ? options.PianoRoll : null,
            FeatureLength = options.Encoding == DataEncoding.Performance ? ConditioningFeatures.Length : 0,
            Files = [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal)],
            Skipped = skipped,
            Train = trainSummary,
            Validation = validationSummary,
        };
        return new PreparedDataset(manifest, train, validation);
    }

    /// <summary>The reason without the leading "path: " that the file's own exception message carries.</summary>
    private static string Reason(Exception e, string fullPath)
    {
        var message = e is EuterpeException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        foreach (var prefix in new[] { fullPath + ": ", Path.GetFileName(fullPath) + ": " })
            if (message.StartsWith(prefix, StringComparison.Ordinal)) return message[prefix.Length..];
        return message.ReplaceLineEndings(" ");
    }

    private static (List<PreparedSequence>, CacheSplitSummary) Assign(string split, IEnumerable<(string Path, bool Validation, List<PreparedSequence> Pieces)> files, bool isRoll, List<CacheFileEntry> entries)
    {
        var pieces = new List<PreparedSequence>();
        var shards = new List<string>();
        long tokens = 0, windows = 0, inShard = 0;
        var indexInShard = 0;
        var fileCount = 0;
        var limit = isRoll ? ShardWindowLimit : ShardTokenLimit;
        foreach (var (path, _, filePieces) in files)
        {
            fileCount++;
            var pieceEntries = new List<CachePieceEntry>();
            foreach (var piece in filePieces)
            {
                long length = isRoll ? piece.WindowCount : piece.Tokens.Length;
                if (shards.Count == 0 || (inShard > 0 && inShard + length > limit))
                {
                    shards.Add($"{split}-{shards.Count:D3}");
                    inShard = 0;
                    indexInShard = 0;
                }
                pieceEntries.Add(new CachePieceEntry(piece.Name, shards[^1], indexInShard++, length));
                inShard += length;
                tokens += piece.Tokens.Length;
                windows += piece.WindowCount;
                pieces.Add(piece);
            }
            entries.Add(new CacheFileEntry(path, split, pieceEntries));
        }
        return (pieces, new CacheSplitSummary(fileCount, pieces.Count, tokens, windows, shards));
    }

    /// <summary>Turns one file into encoded pieces for the chosen encoding.</summary>
    private sealed class PieceEncoder(PrepareOptions options)
    {
        private readonly PerformanceEncoding _performance = new(options.Performance);
        private readonly MonophonicNoteEncoding _notes = options.Notes.Create();
        private readonly PianoRollEncoding _pianoRoll = new(options.PianoRoll);

        public int VocabularySize => options.Encoding switch
        {
            DataEncoding.Performance => _performance.VocabularySize,
            DataEncoding.Notes => _notes.JointVocabularySize,
            DataEncoding.Abc => AbcCharacterVocabulary.VocabularySize,
            _ => 0,
        };

        public string EmptyReason => options.Encoding switch
        {
            DataEncoding.Abc => "no tune with a body (no X: line, or nothing after K:)",
            DataEncoding.Notes => $"no melodic notes in pitches {options.Notes.MinPitch}..{options.Notes.MaxPitch}",
            _ => "no notes to encode (empty, or drums only)",
        };

        public List<PreparedSequence> Encode(string fullPath, string relative)
        {
            if (options.Encoding == DataEncoding.Abc) return EncodeAbcText(fullPath, relative);
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
            switch (options.Encoding)
            {
                case DataEncoding.Notes:
                    var notes = _notes.Encode(sequence);
                    return notes.Length == 0 ? null : new PreparedSequence(name, relative, notes);
                case DataEncoding.Performance:
                    var events = _performance.Encode(sequence);
                    return events.Length == 0 ? null : new PreparedSequence(name, relative, events, ConditioningFeatures.Compute(sequence).ToArray());
                default:
                    var windows = _pianoRoll.WindowTensor(sequence, out var count);
                    return count == 0 ? null : new PreparedSequence(name, relative, [], Windows: windows, WindowCount: count);
            }
        }

        private static List<PreparedSequence> EncodeAbcText(string fullPath, string relative)
        {
            if (!MusicFiles.IsAbc(fullPath)) throw new EuterpeException($"{fullPath}: not an .abc file (the abc encoding reads ABC text only)");
            var info = new FileInfo(fullPath);
            if (info.Length > 64L << 20) throw new EuterpeException($"{fullPath}: {info.Length} bytes is too large for an ABC file");
            var result = new List<PreparedSequence>();
            foreach (var tune in AbcCharacterVocabulary.SplitTunes(File.ReadAllText(fullPath)))
            {
                var body = AbcCharacterVocabulary.ExtractBody(tune);
                if (body.Trim().Length == 0) continue;
                var firstLine = tune.AsSpan(0, Math.Max(0, tune.IndexOf('\n') is var n and >= 0 ? n : tune.Length));
                var number = firstLine[2..].Trim().ToString();
                result.Add(new PreparedSequence($"{relative}#{number}", relative, AbcCharacterVocabulary.Encode(body, addStartAndEnd: true)));
            }
            return result;
        }
    }
}
