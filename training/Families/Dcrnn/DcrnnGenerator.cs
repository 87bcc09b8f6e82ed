using Euterpe.Core.Encoding;
using Euterpe.Core.Families.Dcrnn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.Dcrnn;

/// <summary>
/// The DCRNN generator. RNN_a (a GRU) reads z ‖ h (h the 12-bin pitch-class histogram) at each of the 4 beats of a
/// one-bar theme (the same z at every step) and writes a sparse structure vector per beat (a linear layer and a ReLU);
/// the theme is repeated to fill four bars and each beat's vector held for its four sixteenths (<see cref="DcrnnGrid"/>).
/// RNN_b (a GRU) reads structure ‖ h at each of the 64 sixteenths; each of its outputs becomes one time step of the
/// roll through a linear layer to 16 channels × 16 pitch positions and a strip transposed convolution across pitch
/// (kernel 24 semitones, stride 8: chord shapes stamped along the keyboard, 16 → 128 pitches) and a sigmoid.
/// </summary>
public sealed class DcrnnGenerator : nn.Module
{
    public const int StripChannels = 16, StripPositions = 16, StripKernel = 24, StripStride = 8, StripPadding = 8;

    private readonly long[] _themeBeat = DcrnnGrid.ThemeBeatOfStep();

    public DcrnnGenerator(DcrnnRunConfig config) : base(nameof(DcrnnGenerator))
    {
        (Latent, Structure, StructureHidden, NoteHidden) = (config.Latent, config.Structure, config.StructureHidden, config.NoteHidden);
        rnn_a = nn.GRU(Latent + DcrnnGrid.PitchClasses, StructureHidden, batchFirst: true);
        structure = nn.Linear(StructureHidden, Structure);
        rnn_b = nn.GRU(Structure + DcrnnGrid.PitchClasses, NoteHidden, batchFirst: true);
        strip_in = nn.Linear(NoteHidden, StripChannels * StripPositions);
        strip = nn.ConvTranspose1d(StripChannels, 1, StripKernel, stride: StripStride, padding: StripPadding);
        register_module(nameof(rnn_a), rnn_a);
        register_module(nameof(structure), structure);
        register_module(nameof(rnn_b), rnn_b);
        register_module(nameof(strip_in), strip_in);
        register_module(nameof(strip), strip);
    }

    public int Latent { get; }
    public int Structure { get; }
    public int StructureHidden { get; }
    public int NoteHidden { get; }

    public GRU rnn_a { get; }
    public Linear structure { get; }
    public GRU rnn_b { get; }
    public Linear strip_in { get; }
    public ConvTranspose1d strip { get; }

    /// <summary>Rolls [B, 64, 128] in (0, 1) on the sixteenth grid from z [B, latent] and histograms [B, 12].</summary>
    public Tensor Rolls(Tensor z, Tensor histogram)
    {
        using var scope = torch.NewDisposeScope();
        var batch = z.shape[0];
        var a = torch.cat([z, histogram], 1).unsqueeze(1).expand(batch, DcrnnGrid.ThemeBeats, -1);
        var (theme, _) = rnn_a.forward(a);
        var beats = nn.functional.relu(structure.forward(theme));                       // [B, 4, S]
        var held = beats.index_select(1, torch.tensor(_themeBeat, device: z.device));     // [B, 64, S]
        var b = torch.cat([held, histogram.unsqueeze(1).expand(batch, DcrnnGrid.Steps, -1)], 2);
        var (notes, _) = rnn_b.forward(b);                                               // [B, 64, H]
        var positions = strip_in.forward(notes).reshape(batch * DcrnnGrid.Steps, StripChannels, StripPositions);
        var roll = torch.sigmoid(strip.forward(positions));                              // [B·64, 1, 128]
        return roll.reshape(batch, DcrnnGrid.Steps, PianoRollEncoding.Pitches).MoveToOuterDisposeScope();
    }
}
