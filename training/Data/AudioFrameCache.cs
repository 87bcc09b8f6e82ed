using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.Audio;
using Euterpe.Core.IO;

namespace Euterpe.Training.Data;

/// <summary>
/// A cache of audio frames for the fft-lstm models: <c>audio.json</c> (rate, layout, frame, hop, files and their split,
/// skipped files) and per split <c>SPLIT.frames.npy</c> (float32, frames × FrameSize, files concatenated) with
/// <c>SPLIT.offsets.npy</c> (int64, files + 1). Split by file (<see cref="DatasetSplit"/>) before any file is read;
/// written into a temporary folder beside the target and renamed into place when complete, with <c>skipped.txt</c>
/// (one <c>path: reason</c> line per file left out). A folder where no file is usable is an error and writes nothing.
/// </summary>
public static class AudioFrameCache
{
    public const string ManifestName = "audio.json";

    public sealed record Manifest(int SampleRate, string FrameLayout, int FrameLength, int Hop, int FrameSize,
        IReadOnlyList<string> TrainFiles, IReadOnlyList<string> ValidationFiles, IReadOnlyList<SkippedFile> Skipped);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The codec a layout name and sizes stand for ("gruv": non-overlapping N; "stft": N with hop H).</summary>
    public static AudioFrameCodec Codec(string layout, int frameLength, int hop) => layout is "gruv" or "stft"
        ? Core.Families.FftLstm.AudioFramePreset.CreateCodec(layout, frameLength, hop)
        : throw new EuterpeException($"--layout: '{layout}' is not gruv or stft");

    public static Manifest Prepare(string dataFolder, string layout, int frameLength, int hop, double validationFraction, ulong seed, string folder,
        Action<int, int, string>? progress = null)
    {
        var codec = Codec(layout, frameLength, hop);
        if (!Directory.Exists(dataFolder)) throw new EuterpeException($"{dataFolder}: folder not found");
        var files = Directory.EnumerateFiles(dataFolder, "*.wav", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dataFolder, f)).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new EuterpeException($"{dataFolder}: no .wav files");
        var validation = DatasetSplit.ValidationMask(files.Count, validationFraction, seed);
        return AtomicFolder.Write(folder, ManifestName, "an audio frame cache", temp =>
        {
            var loader = new AudioFrameLoader(codec);
            var skipped = new List<SkippedFile>();
            var split = new[] { new List<(string, float[][])>(), new List<(string, float[][])>() };
            for (var i = 0; i < files.Count; i++)
            {
                progress?.Invoke(i, files.Count, files[i]);
                var path = Path.Combine(dataFolder, files[i]);
                try { split[validation[i] ? 1 : 0].Add((files[i], loader.LoadFrames(path))); }
                catch (EuterpeException e) { skipped.Add(new SkippedFile(files[i], SkippedFile.ReasonOf(e, path))); }
            }
            progress?.Invoke(files.Count, files.Count, "");
            if (skipped.Count == files.Count)
            {
                var first = skipped[0];
                throw new EuterpeException($"{dataFolder}: no usable .wav file, {files.Count} skipped ({first.Path}: {first.Reason}{(files.Count > 1 ? "; …" : "")})");
            }
            SkippedFile.WriteList(temp, skipped);
            WriteSplit(temp, "train", split[0], codec.FrameSize);
            WriteSplit(temp, "validation", split[1], codec.FrameSize);
            var manifest = new Manifest(AudioFrameLoader.SampleRate, layout, frameLength, codec.HopLength, codec.FrameSize,
                [.. split[0].Select(f => f.Item1)], [.. split[1].Select(f => f.Item1)], skipped);
            // The manifest last: a folder with audio.json is a complete cache.
            File.WriteAllText(Path.Combine(temp, ManifestName), JsonSerializer.Serialize(manifest, Json) + "\n");
            return manifest;
        });
    }

    /// <summary>Reads a cache written by <see cref="Prepare"/>: its manifest and both splits.</summary>
    public static (Manifest Manifest, AudioFrameSplit Train, AudioFrameSplit Validation) Load(string folder)
    {
        var path = Path.Combine(folder, ManifestName);
        if (!File.Exists(path))
            throw new EuterpeException($"{folder}: not an audio frame cache (no {ManifestName}); make one with `euterpe data prepare --encoding fft-frames`");
        Manifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Json) ?? throw new EuterpeException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{path}: not an audio frame cache manifest ({e.Message.Split('\n')[0]})", inner: e);
        }
        return (manifest, LoadSplit(folder, "train", manifest.FrameSize), LoadSplit(folder, "validation", manifest.FrameSize));
    }

    /// <summary>One split ("train" or "validation") of a cache whose frames hold <paramref name="frameSize"/> values.</summary>
    public static AudioFrameSplit LoadSplit(string folder, string split, int frameSize)
    {
        var offsets = NpyFormat.Read(Path.Combine(folder, $"{split}.offsets.npy")).AsSpan<long>().ToArray();
        var frames = NpyFormat.Read(Path.Combine(folder, $"{split}.frames.npy"));
        if (offsets.Length == 0 || frames.ElementCount != offsets[^1] * frameSize)
            throw new EuterpeException($"{Path.Combine(folder, split)}.frames.npy: {frames.ElementCount} values do not match {offsets[^1]} frames of {frameSize}");
        return new AudioFrameSplit(frames.AsSpan<float>().ToArray(), offsets, frameSize);
    }

    private static void WriteSplit(string folder, string split, List<(string, float[][] Frames)> files, int frameSize)
    {
        var offsets = new long[files.Count + 1];
        for (var i = 0; i < files.Count; i++) offsets[i + 1] = offsets[i] + files[i].Frames.Length;
        var values = new float[checked((int)(offsets[^1] * frameSize))];
        for (var i = 0; i < files.Count; i++)
            for (var f = 0; f < files[i].Frames.Length; f++) files[i].Frames[f].CopyTo(values, (offsets[i] + f) * frameSize);
        NpyFormat.Write(Path.Combine(folder, $"{split}.offsets.npy"), NpyArray.From(offsets, offsets.Length));
        NpyFormat.Write(Path.Combine(folder, $"{split}.frames.npy"), NpyArray.From(values, offsets[^1], frameSize));
    }
}
