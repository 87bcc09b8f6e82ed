namespace Euterpe.Core.Presets;

/// <summary>The model families Euterpe trains; the manifest's "family" names one (new families are kebab-case).</summary>
public static class ModelFamilies
{
    public const string EventRnn = "event-rnn";
    public const string ConditionalEventRnn = "conditional-event-rnn";
    public const string NGram = "ngram";
    public const string SeqGan = "seqgan";
    public const string DcGanPianoRoll = "dcgan-pianoroll";
    public const string WganGpAttention = "wgan-gp-attention";
    public const string DcRnn = "dcrnn";
    public const string AbcGruWgan = "abc-gru-wgan";
    public const string Pix2PixInpaint = "pix2pix-inpaint";
    public const string SeqAutoencoder = "seq-autoencoder";
    public const string RefineNet = "refine-net";
    public const string FftLstm = "fft-lstm";
}
