namespace Euterpe.Plugin.Generation;

/// <summary>The generator's state and its one-line status text, published together by one reference write.</summary>
public sealed record GenerationStatus(GenerationState State, string Text);
