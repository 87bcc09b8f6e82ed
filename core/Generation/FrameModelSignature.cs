namespace Euterpe.Core.Generation;

/// <summary>
/// How an ONNX audio-frame model plays its roles: frames in (float [1, T, F], oldest first), the next frame out
/// (float [1, F] or [1, 1, F]), optional recurrent state pairs. <paramref name="ContextFrames"/> gives T when the model
/// leaves the time dimension symbolic; a model with a fixed T must agree with it. <paramref name="OutputSize"/> is the
/// output's width when it differs from the frame's (a model that reads features and writes something else); null: the same.
/// <paramref name="LevelOutput"/> names a level head's logits (float [1, classes]) when the model has one.
/// </summary>
public sealed record FrameModelSignature(
    string FramesInput,
    string FrameOutput,
    IReadOnlyList<(string Input, string Output)>? State = null,
    int? ContextFrames = null,
    int? OutputSize = null,
    string? LevelOutput = null);
