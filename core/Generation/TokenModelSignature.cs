using Euterpe.Core.Presets;
namespace Euterpe.Core.Generation;

/// <summary>
/// How an ONNX token model's inputs and outputs play their roles: the token fed (int64 [1] or [1, 1]), the logits read
/// (float [..., vocabulary]), recurrent state pairs (each input is fed the matching output of the previous step, e.g.
/// h0 ↔ hn) and an optional conditioning vector (float [1, C] or [1, 1, C]). Independent of any manifest format.
/// </summary>
public sealed record TokenModelSignature(
    string TokenInput,
    string LogitsOutput,
    IReadOnlyList<(string Input, string Output)> State,
    string? ConditioningInput = null);
