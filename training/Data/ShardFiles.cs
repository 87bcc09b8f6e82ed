using Euterpe.Core.Encoding;
using Euterpe.Core.IO;

namespace Euterpe.Training.Data;

/// <summary>Writes the .npy arrays of one shard (layout in <see cref="CacheManifest"/>).</summary>
internal static class ShardFiles
{
    public static void Write(string folder, string shard, IReadOnlyList<PreparedSequence> members, PianoRollOptions? pianoRoll, int featureLength)
    {
        var offsets = new long[members.Count + 1];
        for (var i = 0; i < members.Count; i++) offsets[i + 1] = offsets[i] + (pianoRoll is not null ? members[i].WindowCount : members[i].Tokens.Length);
        NpyFormat.Write(Path.Combine(folder, $"{shard}.offsets.npy"), NpyArray.From(offsets, offsets.Length));
        if (pianoRoll is not null)
        {
            var windowSize = (long)pianoRoll.WindowSteps * PianoRoll.PitchCount * pianoRoll.TrackCount;
            var values = new float[checked((int)(offsets[^1] * windowSize))];
            for (var i = 0; i < members.Count; i++) members[i].Windows!.CopyTo(values, offsets[i] * windowSize);
            long[] shape = pianoRoll.TrackCount == 1
                ? [offsets[^1], pianoRoll.WindowSteps, PianoRoll.PitchCount]
                : [offsets[^1], pianoRoll.WindowSteps, PianoRoll.PitchCount, pianoRoll.TrackCount];
            NpyFormat.Write(Path.Combine(folder, $"{shard}.windows.npy"), NpyArray.From(values, shape));
            return;
        }
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
