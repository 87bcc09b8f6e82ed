using Euterpe.Core.IO;

namespace Euterpe.Training.Data;

/// <summary>Writes the .npy arrays of one shard (layout in <see cref="CacheManifest"/>).</summary>
internal static class ShardFiles
{
    public static void Write(string folder, string shard, IReadOnlyList<PreparedSequence> members, int featureLength)
    {
        var offsets = new long[members.Count + 1];
        for (var i = 0; i < members.Count; i++) offsets[i + 1] = offsets[i] + members[i].Tokens.Length;
        NpyFormat.Write(Path.Combine(folder, $"{shard}.offsets.npy"), NpyArray.From(offsets, offsets.Length));
        var tokens = new int[checked((int)offsets[^1])];
        for (var i = 0; i < members.Count; i++) members[i].Tokens.CopyTo(tokens, offsets[i]);
        NpyFormat.Write(Path.Combine(folder, $"{shard}.tokens.npy"), NpyArray.From(tokens, tokens.Length));
        if (featureLength > 0)
        {
            var features = new float[members.Count * featureLength];
            for (var i = 0; i < members.Count; i++) members[i].Features!.CopyTo(features, i * featureLength);
            NpyFormat.Write(Path.Combine(folder, $"{shard}.features.npy"), NpyArray.From(features, members.Count, featureLength));
        }
    }
}
