namespace Euterpe.Core.Families.Pix2Pix;

/// <summary>A note on the inpainter's grid: pitch, velocity 1–127, and the steps (8 a beat) it sounds on, [start, end).</summary>
public readonly record struct RollNote(int Pitch, int Velocity, int StartStep, int EndStep);
