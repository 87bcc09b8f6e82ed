namespace Euterpe.Core.Inference.Generators;

/// <summary>
/// How an ONNX sequence-autoencoder decoder plays its roles: the code in (float [1, K]) and the output, either token
/// logits (float [1, L, V], decoded by argmax per position) or the tokens themselves (int64 [1, L]).
/// </summary>
public sealed record CodeDecoderSignature(string CodeInput, string Output);
