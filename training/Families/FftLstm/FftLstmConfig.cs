using Euterpe.Core;

namespace Euterpe.Training.Families.FftLstm;

/// <summary>
/// Sizes of an <see cref="FftLstmModel"/>. <see cref="FrameSize"/> is the frame's float count (2 × bins: real then
/// imaginary parts); <see cref="Bins"/> = FrameSize / 2. <see cref="Features"/> is the FC width (fc, bilinear),
/// <see cref="Channels"/>/<see cref="Kernel"/>/<see cref="Pool"/> shape the convolutions, <see cref="Context"/> is K,
/// the frames the 2-D convolution reads, and <see cref="Layers"/> the depth of the stacked model.
/// <see cref="LevelClasses"/> &gt; 0 adds a level head: logits over that many classes of the next frame's level; the
/// LSTM then also reads each frame's own level (one value more), exact even when the frame itself is read through noise.
/// </summary>
public sealed record FftLstmConfig(string Name, string Arch, int FrameSize, int Hidden, int Features, int Layers,
    int Channels, int Kernel, int Pool, int Context, double Dropout, int LevelClasses = 0)
{
    public const string Baseline = "baseline";
    public const string Fc = "fc";
    public const string Conv1d = "conv1d";
    public const string Conv2d = "conv2d";
    public const string Stacked = "stacked";
    public const string Bilinear = "bilinear";

    public static readonly IReadOnlyList<string> Architectures = [Baseline, Fc, Conv1d, Conv2d, Stacked, Bilinear];

    /// <summary>"tiny" for tests, "small" (256 units, the shipped size), "published" (2048-unit LSTMs, the literature's size).</summary>
    public static readonly IReadOnlyList<string> Names = ["tiny", "small", "published"];

    public int Bins => FrameSize / 2;

    /// <summary>Recurrent layers, each with its own (h, c) state pair: two side by side for bilinear.</summary>
    public int RecurrentLayers => Arch switch { Stacked => Layers, Bilinear => 2, _ => 1 };

    /// <summary>Width of what the LSTM reads per frame: the frame's features, and with a level head the frame's level.</summary>
    public int LstmInput => FeatureWidth + (LevelClasses > 0 ? 1 : 0);

    /// <summary>Width of the architecture's per-frame features.</summary>
    public int FeatureWidth => Arch switch
    {
        Baseline or Stacked => FrameSize,
        Fc or Bilinear => Features,
        Conv1d => Channels * (FrameSize / Pool),
        Conv2d => Channels * (Bins / Pool),
        _ => throw new EuterpeException($"--arch: unknown architecture '{Arch}' (known: {string.Join(", ", Architectures)})"),
    };

    public static FftLstmConfig Named(string name, string arch, int frameSize)
    {
        if (!Architectures.Contains(arch)) throw new EuterpeException($"--arch: unknown architecture '{arch}' (known: {string.Join(", ", Architectures)})");
        if (frameSize < 4 || frameSize % 2 != 0) throw new EuterpeException($"frame size {frameSize}: must be an even number of at least 4 values");
        return name switch
        {
            "tiny" => new(name, arch, frameSize, 16, 16, 2, 2, 3, 2, 3, 0),
            "small" => new(name, arch, frameSize, 256, 256, 2, 8, 5, 4, 4, 0.1),
            "published" => new(name, arch, frameSize, 2048, 2048, 2, 16, 9, 4, 4, 0.1),
            _ => throw new EuterpeException($"--config: unknown configuration '{name}' (known: {string.Join(", ", Names)})"),
        };
    }
}
