namespace Euterpe.Core.Generation;

/// <summary>How a generator counts time: performance events in seconds, note tokens and piano rolls in beats.</summary>
public enum ModelTimeUnit
{
    Seconds,
    Beats,
}
