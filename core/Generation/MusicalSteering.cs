namespace Euterpe.Core.Generation;

/// <summary>
/// A player's musical controls as a conditional model can take them (<see cref="INoteGenerator.Steer"/>): a key and a
/// scale (<see cref="MusicalScale"/>; 0, Chromatic, means no key), and a density as a fraction of the training
/// corpus's mean (1 = the corpus's own).
/// </summary>
public readonly record struct MusicalSteering(int Key, int Scale, double DensityFraction);
