using System.Text.Json;
using Euterpe.Core;

namespace Euterpe.Training.Families.FftLstm;

/// <summary>
/// Everything an fft-lstm run was started with; stored in the checkpoint so that --resume and export rebuild the same
/// model and continue the same windows. The framing (layout, frame length, hop) comes from the cache.
/// </summary>
public sealed record FftLstmRunConfig
{
    public string Arch { get; init; } = FftLstmConfig.Bilinear;
    public string Config { get; init; } = "small";
    public int FrameSize { get; init; }
    public int Hidden { get; init; }
    public int Features { get; init; }
    public int Layers { get; init; }
    public int Channels { get; init; }
    public int Kernel { get; init; }
    public int Pool { get; init; }
    public int Context { get; init; }
    public double Dropout { get; init; }
    public long Steps { get; init; }
    public int Batch { get; init; } = 16;
    /// <summary>T: frames per training window (the literature's 40).</summary>
    public int SequenceLength { get; init; } = 40;
    public double LearningRate { get; init; } = 1e-4;
    /// <summary>L2 penalty, as RMSprop weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-6;
    public double ClipNorm { get; init; } = 5.0;
    /// <summary>
    /// Standard deviation of Gaussian noise added to the normalised input frames (not the targets) of every training
    /// window; 0 trains on clean frames. The model learns to predict the clean next frame from a corrupted past, as it
    /// must when generation feeds back its own imperfect (and varied) predictions.
    /// </summary>
    public double InputNoise { get; init; }
    /// <summary>
    /// Classes of the level head (0: none). With a head the model also predicts the class of the next frame's level
    /// (cross-entropy, weighted by <see cref="LevelWeight"/>, beside the frames' MSE), and generation draws each frame's
    /// level from it. The classes span the training frames' levels (the model's level_range buffer).
    /// </summary>
    public int LevelClasses { get; init; }
    /// <summary>Weight of the level cross-entropy in the loss.</summary>
    public double LevelWeight { get; init; } = 0.25;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 100;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";
    public int SampleRate { get; init; }
    public string FrameLayout { get; init; } = "";
    public int FrameLength { get; init; }
    public int Hop { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static FftLstmRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<FftLstmRunConfig>(json, JsonOptions) ?? throw new EuterpeException($"{source}: empty run config");
            if (config.FrameSize <= 0 || !FftLstmConfig.Architectures.Contains(config.Arch)) throw new EuterpeException($"{source}: not an fft-lstm run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not an fft-lstm run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }

    public FftLstmConfig ModelConfig() => new(Config, Arch, FrameSize, Hidden, Features, Layers, Channels, Kernel, Pool, Context, Dropout, LevelClasses);
}
