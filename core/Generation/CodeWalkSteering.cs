namespace Euterpe.Core.Generation;

/// <summary>
/// A player's controls of a walk through a code space (<see cref="INoteGenerator.SteerWalk"/>, the seq-ae): the walk
/// rate as a multiple of the rate the preset measured (1 = the data's own), the chance of returning to the theme code
/// (p) and the chance of storing the current code as the theme (q).
/// </summary>
public readonly record struct CodeWalkSteering(double RateScale, double ThemeReturn, double ThemeStore);
