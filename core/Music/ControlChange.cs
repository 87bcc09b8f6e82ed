namespace Euterpe.Core.Music;

/// <summary>A controller event (CC number and value) kept as an event on its track and channel.</summary>
public readonly record struct ControlChange(long Tick, double Seconds, int Channel, int Controller, int Value, int Track = 0)
{
    public const int SustainPedal = 64;
}
