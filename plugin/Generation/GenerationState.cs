namespace Euterpe.Plugin.Generation;

/// <summary>What the generator is doing; the read-only "Status" parameter shows it (its value string carries the details).</summary>
public enum GenerationState
{
    Off,
    Loading,
    Ready,
    Error,
}
