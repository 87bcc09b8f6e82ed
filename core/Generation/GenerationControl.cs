namespace Euterpe.Core.Generation;

/// <summary>
/// The controls of a <see cref="GenerationRequest"/> a family reads (<see cref="ModelFamily.Honours"/>): `generate`
/// refuses an option the preset's family would ignore, so no option is silently dropped.
/// </summary>
[Flags]
public enum GenerationControl
{
    None = 0,
    Temperature = 1,
    Primer = 2,
    Tempo = 4,
    Density = 8,
    Key = 16,
    Variation = 32,
    Window = 64,
    WalkRate = 128,
    ThemeReturn = 256,
    Threshold = 512,
    Form = 1024,
    Morph = 2048,
}
