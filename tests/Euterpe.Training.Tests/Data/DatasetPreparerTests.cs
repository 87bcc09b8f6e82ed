using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;
using Euterpe.Training.Data;

namespace Euterpe.Training.Tests.Data;

public sealed class DatasetPreparerTests : IDisposable
{
    private readonly TempFolder _temp = new("euterpe-data-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void WholeOpenMsxCorpusReadsBackAsTheNotesOfEachFile()
    {
        Corpora.RequireOpenMsx();
        var options = new PrepareOptions { Encoding = DataEncoding.Notes, Seed = 5 };
        var cache = _temp.Path("cache");
        CacheWriter.Write(DatasetPreparer.Prepare(Corpora.OpenMsx, options), cache);
        var read = PreparedCache.Open(cache);

        var midiFiles = Directory.GetFiles(Corpora.OpenMsx, "*.mid");
        Assert.Empty(read.Skipped);
        Assert.Equal(midiFiles.Length, read.Train.Count + read.Validation.Count);
        Assert.Equal((int)Math.Round(midiFiles.Length * 0.1), read.Validation.Count);
        Assert.Empty(read.Train.Select(p => p.File).Intersect(read.Validation.Select(p => p.File)));

        var encoding = options.Notes.Create();
        foreach (var piece in read.Train.Concat(read.Validation))
        {
            var direct = encoding.Encode(MidiFileReader.Read(Path.Combine(Corpora.OpenMsx, piece.File)));
            Assert.Equal(Notes(encoding.Decode(direct)), Notes(encoding.Decode(piece.Tokens)));
        }
        Assert.Equal(read.Train.Sum(p => (long)p.Tokens.Length), read.Manifest.Train.Tokens);
    }

    [Fact]
    public void SplitIsByFileAndFollowsTheSeed()
    {
        Corpora.RequireOpenMsx();
        string[] Validation(ulong seed) =>
            [.. DatasetPreparer.Prepare(Corpora.OpenMsx, new PrepareOptions { Encoding = DataEncoding.Notes, Seed = seed, ValidationFraction = 0.2 }).Validation.Select(p => p.File)];
        Assert.Equal(Validation(3), Validation(3));
        Assert.NotEqual(Validation(3), Validation(4));
        Assert.Equal(6, Validation(3).Length); // round(0.2 × 31)

        Assert.Equal(1, DatasetSplit.ValidationMask(2, 0.01, 9).Count(v => v)); // a positive fraction holds out at least one file
        Assert.Equal(1, DatasetSplit.ValidationMask(2, 0.9, 9).Count(v => v)); // and keeps at least one for training
        Assert.DoesNotContain(true, DatasetSplit.ValidationMask(5, 0, 9));
        Assert.Throws<EuterpeException>(() => DatasetSplit.ValidationMask(5, 1.0, 9));
    }

    [Fact]
    public void CorruptFilesAreSkippedWithTheirReasonAndPerformanceFeaturesAreStored()
    {
        var corpus = _temp.CopyFrom(Corpora.OpenMsx, "corpus", "coconut_run2.mid", "ultimate_run.mid");
        _temp.CopyFrom(Corpora.OpenMsx, Path.Combine("corpus", "nested"), "train_filled_with_cash.mid");
        File.WriteAllBytes(Path.Combine(corpus, "corrupt.mid"), [.. "MThd"u8, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96, .. "MTrk"u8, 0, 0, 0, 4, 0x00, 0x3C, 0x40, 0x00]);
        File.WriteAllBytes(Path.Combine(corpus, "truncated.mid"), File.ReadAllBytes(Path.Combine(Corpora.OpenMsx, "chuggachugga.mid"))[..500]);
        File.WriteAllText(Path.Combine(corpus, "notes.txt"), "not music, not listed");

        var options = new PrepareOptions { Encoding = DataEncoding.Performance, ValidationFraction = 0.3, Seed = 1 };
        var progress = new List<int>();
        var prepared = DatasetPreparer.Prepare(corpus, options, (done, total, _) => progress.Add(done));
        Assert.Equal([1, 2, 3, 4, 5], progress);
        Assert.Equal(["corrupt.mid", "truncated.mid"], prepared.Skipped.Select(s => s.Path));
        Assert.Equal("data byte 0x3C with no running status (offset 23)", prepared.Skipped[0].Reason);
        Assert.Contains("runs past the end of the file", prepared.Skipped[1].Reason);

        var cache = _temp.Path("perf-cache");
        CacheWriter.Write(prepared, cache);
        var skippedText = File.ReadAllText(Path.Combine(cache, "skipped.txt"));
        Assert.StartsWith("corrupt.mid: data byte 0x3C", skippedText);
        var read = PreparedCache.Open(cache);
        Assert.Equal(3, read.Train.Count + read.Validation.Count);
        Assert.Contains(read.Train.Concat(read.Validation), p => p.File == "nested/train_filled_with_cash.mid");

        var encoding = new PerformanceEncoding(options.Performance);
        foreach (var piece in read.Train.Concat(read.Validation))
        {
            var sequence = MidiFileReader.Read(Path.Combine(corpus, piece.File));
            Assert.Equal(Notes(encoding.Decode(encoding.Encode(sequence))), Notes(encoding.Decode(piece.Tokens)));
            Assert.Equal(ConditioningFeatures.Compute(sequence).ToArray(), piece.Features);
        }
    }

    [Fact]
    public void AbcTunesAreNotePiecesNamedByReferenceNumber()
    {
        var corpus = _temp.CopyFrom(Corpora.AbcExamples, "mixed", "demo.abc", "coleraine.abc");
        _temp.CopyFrom(Corpora.OpenMsx, "mixed", "coconut_run2.mid");
        var options = new PrepareOptions { Encoding = DataEncoding.Notes, ValidationFraction = 0 };
        var cache = _temp.Path("mixed-cache");
        CacheWriter.Write(DatasetPreparer.Prepare(corpus, options), cache);
        var pieces = PreparedCache.Open(cache).Train;

        var encoding = options.Notes.Create();
        var expected = new List<(string Name, int[] Tokens)>();
        foreach (var file in new[] { "coconut_run2.mid", "coleraine.abc", "demo.abc" })
        {
            var path = Path.Combine(corpus, file);
            if (file.EndsWith(".mid", StringComparison.Ordinal)) expected.Add((file, encoding.Encode(MidiFileReader.Read(path))));
            else expected.AddRange(Core.Abc.AbcReader.ReadTunes(path).Select(t => ($"{file}#{t.ReferenceNumber}", encoding.Encode(t.Sequence))).Where(t => t.Item2.Length > 0));
        }
        Assert.Equal(expected.Select(e => e.Name), pieces.Select(p => p.Name));
        Assert.Equal(expected.Select(e => e.Tokens), pieces.Select(p => p.Tokens));
        Assert.Contains(pieces, p => p.Name == "demo.abc#5");
        Assert.Equal([.. MusicFiles.Load(Path.Combine(corpus, "coleraine.abc")).Select(p => Path.GetFileName(p.Name))], ["coleraine.abc#8"]);
    }

    [Fact]
    public void StreamedPrepareCutsShardsAndReadsBackLikeTheInMemoryDataset()
    {
        var corpus = _temp.CopyFrom(Corpora.OpenMsx, "shards", "coconut_run2.mid", "ultimate_run.mid", "train_filled_with_cash.mid", "5432gone_redfarn.mid", "chuggachugga.mid");
        var options = new PrepareOptions { Encoding = DataEncoding.Performance, ValidationFraction = 0.4, Seed = 3, ShardTokens = 5000 };
        var inMemory = DatasetPreparer.Prepare(corpus, options);
        var cache = _temp.Path("streamed");
        var manifest = CacheWriter.Prepare(corpus, options, cache);
        var read = PreparedCache.Open(cache);

        Assert.True(manifest.Train.Shards.Count >= 2, $"{manifest.Train.Tokens} tokens in {manifest.Train.Shards.Count} shard(s)");
        foreach (var shard in manifest.Train.Shards.Concat(manifest.Validation.Shards))
        {
            var offsets = NpyFormat.Read(Path.Combine(cache, shard + ".offsets.npy")).AsSpan<long>();
            Assert.True(offsets[^1] <= 5000 || offsets.Length == 2, $"{shard} holds {offsets[^1]} tokens in {offsets.Length - 1} pieces");
            Assert.Equal(offsets.Length - 1, NpyFormat.Read(Path.Combine(cache, shard + ".features.npy")).Shape[0]);
        }
        Assert.Equal(inMemory.Train.Select(p => (p.Name, p.Tokens, p.Features)), read.Train.Select(p => (p.Name, p.Tokens, p.Features)), new PieceComparer());
        Assert.Equal(inMemory.Validation.Select(p => (p.Name, p.Tokens, p.Features)), read.Validation.Select(p => (p.Name, p.Tokens, p.Features)), new PieceComparer());
        Assert.Equal(2, read.Validation.Count);
    }

    [Fact]
    public void NumpyReadsTheShardsAsDocumented()
    {
        var corpus = _temp.CopyFrom(Corpora.OpenMsx, "np", "coconut_run2.mid", "ultimate_run.mid", "chuggachugga.mid");
        var cache = _temp.Path("np-cache");
        CacheWriter.Prepare(corpus, new PrepareOptions { Encoding = DataEncoding.Performance, ValidationFraction = 0, ShardTokens = 3000 }, cache);
        var read = PreparedCache.Open(cache);

        // Per piece: name, length, first and last token, features rounded, following cache.json with numpy alone.
        const string script = """
            import json, sys, numpy as np
            d = sys.argv[1]; m = json.load(open(d + '/cache.json'))
            for f in m['files']:
                for p in f['pieces']:
                    off = np.load(d + '/' + p['shard'] + '.offsets.npy'); tok = np.load(d + '/' + p['shard'] + '.tokens.npy')
                    feat = np.load(d + '/' + p['shard'] + '.features.npy')
                    t = tok[off[p['index']]:off[p['index'] + 1]]
                    assert tok.dtype == np.int32 and off.dtype == np.int64 and feat.dtype == np.float32 and feat.shape[1] == 14
                    print(p['name'], len(t), t[0], t[-1], ' '.join('%.4f' % v for v in feat[p['index']]))
            """;
        var (_, exitCode, output, error, _) = PythonRunner.Run(["-c", script, cache]);
        Assert.True(exitCode == 0, error);
        var expected = read.Train.Select(p => string.Join(' ', new[] { p.Name, $"{p.Tokens.Length}", $"{p.Tokens[0]}", $"{p.Tokens[^1]}" }
            .Concat(p.Features!.Select(v => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(read.Manifest.Train.Shards.Count >= 2);
    }

    private sealed class PieceComparer : IEqualityComparer<(string Name, int[] Tokens, float[]? Features)>
    {
        public bool Equals((string Name, int[] Tokens, float[]? Features) a, (string Name, int[] Tokens, float[]? Features) b) =>
            a.Name == b.Name && a.Tokens.SequenceEqual(b.Tokens) && a.Features!.SequenceEqual(b.Features!);

        public int GetHashCode((string Name, int[] Tokens, float[]? Features) obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void CacheIsReplacedWholeAndOtherFoldersAreRefused()
    {
        var corpus = _temp.CopyFrom(Corpora.OpenMsx, "small", "coconut_run2.mid", "ultimate_run.mid");
        var cache = _temp.Path("out", "cache");
        CacheWriter.Write(DatasetPreparer.Prepare(corpus, new PrepareOptions { Encoding = DataEncoding.Notes }), cache);
        CacheWriter.Write(DatasetPreparer.Prepare(corpus, new PrepareOptions { Encoding = DataEncoding.Performance }), cache);
        Assert.Equal(DataEncoding.Performance, PreparedCache.Open(cache).Encoding);
        Assert.Equal(["cache"], Directory.GetFileSystemEntries(_temp.Path("out")).Select(Path.GetFileName)); // no temp or old folder left

        // Interrupted half-way (Ctrl+C arrives as a cancellation): neither a new cache nor a temp folder remains.
        var interrupted = _temp.Path("out", "interrupted");
        Assert.Throws<OperationCanceledException>(() => CacheWriter.Prepare(corpus, new PrepareOptions(), interrupted,
            (done, _, _) => { if (done == 1) throw new OperationCanceledException(); }));
        Assert.Equal(["cache"], Directory.GetFileSystemEntries(_temp.Path("out")).Select(Path.GetFileName));

        var other = _temp.Path("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "keep.txt"), "mine");
        var e = Assert.Throws<EuterpeException>(() => CacheWriter.Write(PreparedCache.Open(cache), other));
        Assert.Contains("is not a prepared cache", e.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(other, "keep.txt")));

        File.WriteAllBytes(Path.Combine(cache, "train-000.tokens.npy"), [1, 2, 3]);
        Assert.Contains("not a .npy file", Assert.Throws<EuterpeException>(() => PreparedCache.Open(cache)).Message);
        Assert.Contains("folder not found", Assert.Throws<EuterpeException>(() => DatasetPreparer.Prepare(_temp.Path("missing"), new PrepareOptions())).Message);
    }

    [Fact]
    public void MusicFilesListsRecursivelyInOrdinalOrder()
    {
        Directory.CreateDirectory(_temp.Path("m", "b"));
        foreach (var name in new[] { "B.mid", "a.MIDI", "b/z.kar", "c.abc", "d.wav", "b/a.txt" }) File.WriteAllText(_temp.Path("m", name), "");
        var listed = MusicFiles.List(_temp.Path("m")).Select(p => Path.GetRelativePath(_temp.Path("m"), p)).ToArray();
        Assert.Equal(["B.mid", "a.MIDI", "b/z.kar", "c.abc"], listed);
    }

    private static List<(int Pitch, long Start, long End, int Velocity)> Notes(NoteSequence s) =>
        [.. s.Notes.Select(n => (n.Pitch, n.StartTick, n.EndTick, n.Velocity)).Order()];
}
