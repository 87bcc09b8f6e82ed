using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// The continuous sequential autoencoder of one run, as one module so that one checkpoint holds it: the encoder, the
/// decoder f_dec that reads the continuous code c' and the decoder f_dec^bin that reads sign(c') (detached, so no
/// gradient reaches the encoder through it). Only f_dec^bin is exported: generation walks binary codes.
/// </summary>
public sealed class SeqAeModel : nn.Module
{
    public SeqAeModel(SeqAeRunConfig config) : base(nameof(SeqAeModel))
    {
        Config = config;
        encoder = new SeqAeEncoder(config.Vocabulary, config.Embedding, config.Hidden, config.CodeBits);
        decoder = new SeqAeDecoder(config.Vocabulary, config.Embedding, config.Hidden, config.CodeBits);
        binary_decoder = new SeqAeDecoder(config.Vocabulary, config.Embedding, config.Hidden, config.CodeBits);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(encoder), encoder);
        register_module(nameof(decoder), decoder);
        register_module(nameof(binary_decoder), binary_decoder);
    }

    public SeqAeRunConfig Config { get; }

    public SeqAeEncoder encoder { get; }

    public SeqAeDecoder decoder { get; }

    public SeqAeDecoder binary_decoder { get; }
}
