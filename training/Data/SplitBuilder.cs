namespace Euterpe.Training.Data;

/// <summary>
/// Collects the pieces of one split and cuts them into shards of at most <see cref="PrepareOptions.ShardTokens"/>
/// tokens (a longer piece gets a shard of its own). With a folder, each shard is written as soon as
/// it is full and its pieces are let go, so preparing a large corpus holds one shard at a time; without one, the
/// pieces are kept for an in-memory <see cref="PreparedDataset"/>.
/// </summary>
internal sealed class SplitBuilder(string split, int featureLength, long shardLimit, string? folder)
{
    private readonly List<PreparedSequence> _kept = [];
    private readonly List<PreparedSequence> _shard = [];
    private readonly List<string> _shards = [];
    private long _inShard, _tokens;
    private int _files, _written;

    public IReadOnlyList<PreparedSequence> Kept => _kept;

    public CacheFileEntry AddFile(string path, IReadOnlyList<PreparedSequence> pieces)
    {
        _files++;
        var entries = new List<CachePieceEntry>();
        foreach (var piece in pieces)
        {
            long length = piece.Tokens.Length;
            if (_shards.Count == 0 || (_inShard > 0 && _inShard + length > shardLimit))
            {
                Flush();
                _shards.Add($"{split}-{_shards.Count:D3}");
                _inShard = 0;
            }
            entries.Add(new CachePieceEntry(piece.Name, _shards[^1], _shard.Count, length));
            _shard.Add(piece);
            _inShard += length;
            _tokens += piece.Tokens.Length;
            if (folder is null) _kept.Add(piece);
        }
        return new CacheFileEntry(path, split, entries);
    }

    public CacheSplitSummary Finish()
    {
        Flush();
        return new CacheSplitSummary(_files, _kept.Count + _written, _tokens, _shards);
    }

    private void Flush()
    {
        if (_shard.Count == 0) return;
        if (folder is not null)
        {
            ShardFiles.Write(folder, _shards[^1], _shard, featureLength);
            _written += _shard.Count;
        }
        _shard.Clear();
    }
}
