using Euterpe.Core.Families.FftLstm;
using Euterpe.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.FftLstm;

/// <summary>
/// The raw-audio FFT-frame LSTMs: each predicts the next (normalised) frame from the frames so far. Per frame the
/// architectures read: baseline, the frame itself; fc, ReLU(Linear(frame)); conv1d, the frame as one channel through
/// Conv1d → ReLU → MaxPool1d; conv2d, the last K frames with real and imaginary parts as two channels through
/// Conv2d (K × kernel) → ReLU → MaxPool2d; stacked, the frame through several LSTM layers; bilinear, ReLU(Linear(frame))
/// read by two LSTMs whose outputs are summed. Then dropout and Linear back to a frame. Frames are normalised per value
/// with the training data's mean and standard deviation (buffers frame_mean, frame_std, kept in the checkpoint). With
/// <see cref="FftLstmConfig.LevelClasses"/> the LSTMs also read each frame's level (<see cref="LevelFeature"/>) beside its
/// features, and a second Linear over the same LSTM output gives logits over the classes of the next frame's level
/// (buffer level_range: the lowest class's start and the class width in dB).
/// </summary>
public sealed class FftLstmModel : nn.Module
{

    private readonly MaxPool1d? _pool1;
    private readonly MaxPool2d? _pool2;

    public FftLstmModel(FftLstmConfig config) : base(nameof(FftLstmModel))
    {
        Config = config;
        var f = config.FrameSize;
        frame_mean = torch.zeros(f);
        frame_std = torch.ones(f);
        register_buffer(nameof(frame_mean), frame_mean);
        register_buffer(nameof(frame_std), frame_std);
        switch (config.Arch)
        {
            case FftLstmConfig.Fc or FftLstmConfig.Bilinear:
                features = nn.Linear(f, config.Features);
                register_module(nameof(features), features);
                break;
            case FftLstmConfig.Conv1d:
                conv1 = nn.Conv1d(1, config.Channels, config.Kernel, padding: config.Kernel / 2);
                register_module(nameof(conv1), conv1);
                _pool1 = nn.MaxPool1d(config.Pool);
                break;
            case FftLstmConfig.Conv2d:
                conv2 = nn.Conv2d(2, config.Channels, (config.Context, config.Kernel), padding: (0, config.Kernel / 2));
                register_module(nameof(conv2), conv2);
                _pool2 = nn.MaxPool2d((1, config.Pool));
                break;
        }
        var layers = config.Arch == FftLstmConfig.Stacked ? config.Layers : 1;
        lstm = nn.LSTM(config.LstmInput, config.Hidden, layers, batchFirst: true);
        register_module(nameof(lstm), lstm);
        if (config.Arch == FftLstmConfig.Bilinear)
        {
            lstm2 = nn.LSTM(config.LstmInput, config.Hidden, 1, batchFirst: true);
            register_module(nameof(lstm2), lstm2);
        }
        dropout = nn.Dropout(config.Dropout);
        output = nn.Linear(config.Hidden, f);
        register_module(nameof(dropout), dropout);
        register_module(nameof(output), output);
        if (config.LevelClasses > 0)
        {
            level_output = nn.Linear(config.Hidden, config.LevelClasses);
            register_module(nameof(level_output), level_output);
            level_range = torch.tensor(new float[] { -100, 1 });
            register_buffer(nameof(level_range), level_range);
        }
    }

    public FftLstmConfig Config { get; }

    // Fields, not get-only properties: TorchSharp's Module.to(device) replaces a buffer by setting the member of its name.
    public Tensor frame_mean;

    public Tensor frame_std;

    public Linear? features { get; }

    public Conv1d? conv1 { get; }

    public Conv2d? conv2 { get; }

    public LSTM lstm { get; }

    public LSTM? lstm2 { get; }

    public Dropout dropout { get; }

    public Linear output { get; }

    public Linear? level_output { get; }

    /// <summary>The level classes' start and width in dB (level-head models only).</summary>
    public Tensor? level_range;

    /// <summary>The level classes (level-head models only).</summary>
    public FrameLevelBins? LevelBins
    {
        get
        {
            if (level_range is null) return null;
            var range = level_range.cpu().data<float>().ToArray();
            return new FrameLevelBins(Config.LevelClasses, range[0], range[1]);
        }
    }

    /// <summary>
    /// What the LSTM reads of a frame's level: its dB (<see cref="FrameLevelBins.Db"/>) placed on the classes' range,
    /// 0 at the lowest class's start and 1 at the top's end.
    /// </summary>
    public static float LevelFeature(float db, FrameLevelBins bins) => (db - bins.LowDb) / (bins.Count * bins.StepDb);

    /// <summary>The <see cref="LevelFeature"/> of each raw frame in <paramref name="frames"/>.</summary>
    public static void LevelFeatures(ReadOnlySpan<float> frames, int frameSize, FrameLevelBins bins, Span<float> features)
    {
        for (var i = 0; i < features.Length; i++) features[i] = LevelFeature(FrameLevelBins.Db(frames.Slice(i * frameSize, frameSize)), bins);
    }

    public void SetLevelBins(FrameLevelBins bins)
    {
        if (level_range is null || bins.Count != Config.LevelClasses) throw new ArgumentException($"the model has {Config.LevelClasses} level classes", nameof(bins));
        using var noGrad = torch.no_grad();
        using var range = torch.tensor(new[] { bins.LowDb, bins.StepDb }).to(level_range.device);
        level_range.copy_(range);
    }

    /// <summary>Stores the data's per-value mean and standard deviation (floored, so silent values do not blow up).</summary>
    public void SetNormalization(float[] mean, float[] std)
    {
        using var noGrad = torch.no_grad();
        using var m = torch.tensor(mean).to(frame_mean.device);
        using var s = torch.tensor(std).to(frame_std.device);
        frame_mean.copy_(m);
        frame_std.copy_(s);
    }

    /// <param name="frames">Normalised frames, float [batch, steps, FrameSize], of a model without a level head.</param>
    /// <returns>The predicted normalised next frame at every step, [batch, steps, FrameSize].</returns>
    public Tensor forward(Tensor frames)
    {
        if (level_output is not null) throw new InvalidOperationException("a level-head model reads the frames' levels too: call Predict");
        return Predict(frames, null).Next;
    }

    /// <summary>
    /// The predicted normalised next frames and, with a level head, its logits [batch, steps, LevelClasses].
    /// </summary>
    /// <param name="frames">Normalised frames, float [batch, steps, FrameSize].</param>
    /// <param name="levels">With a level head: each frame's <see cref="LevelFeature"/>, [batch, steps, 1]; else null.</param>
    public (Tensor Next, Tensor? LevelLogits) Predict(Tensor frames, Tensor? levels)
    {
        if ((levels is null) != (level_output is null)) throw new ArgumentException("levels are read by (and only by) a level-head model", nameof(levels));
        using var scope = torch.NewDisposeScope();
        var shape = frames.shape;
        var (batch, steps) = (shape[0], shape[1]);
        var c = Config;
        var x = c.Arch switch
        {
            FftLstmConfig.Fc or FftLstmConfig.Bilinear => nn.functional.relu(features!.forward(frames)),
            FftLstmConfig.Conv1d => _pool1!.forward(nn.functional.relu(conv1!.forward(frames.reshape(batch * steps, 1, c.FrameSize))))
                .reshape(batch, steps, c.FeatureWidth),
            FftLstmConfig.Conv2d => _pool2!.forward(nn.functional.relu(conv2!.forward(Windows(frames)))).reshape(batch, steps, c.FeatureWidth),
            _ => frames,
        };
        if (levels is not null) x = torch.cat([x, levels], 2);
        var (y, _, _) = lstm.forward(x);
        if (lstm2 is not null)
        {
            var (y2, _, _) = lstm2.forward(x);
            y = y.Plus(y2);
        }
        var read = dropout.forward(y);
        return (output.forward(read).MoveToOuterDisposeScope(), level_output?.forward(read).MoveToOuterDisposeScope());
    }

    /// <summary>For each step the last K frames (zeros before the first), as two channels: [batch·steps, 2, K, bins].</summary>
    private Tensor Windows(Tensor frames)
    {
        var c = Config;
        var shape = frames.shape;
        var (batch, steps) = (shape[0], shape[1]);
        var padded = torch.cat([torch.zeros([batch, c.Context - 1, c.FrameSize], device: frames.device), frames], 1);
        var windows = torch.stack([.. Enumerable.Range(0, c.Context).Select(k => padded.narrow(1, k, steps))], 2); // [B, T, K, F]
        return windows.reshape(batch * steps, c.Context, 2, c.Bins).permute(0, 2, 1, 3);
    }
}
