namespace Euterpe.Core.Inference.Generators;

/// <summary>
/// How an ONNX piano-roll generator plays its roles: noise in (float [1, Z]), optional conditioning (float [1, C]),
/// the roll out (float [1, steps, pitches] or [1, 1, steps, pitches]). <paramref name="OutputsLogits"/> says the roll holds
/// logits, so a sigmoid turns them into activations in [0, 1]; otherwise the roll is used as it comes.
/// </summary>
public sealed record PianoRollModelSignature(
    string NoiseInput,
    string RollOutput,
    string? ConditioningInput = null,
    bool OutputsLogits = false);
