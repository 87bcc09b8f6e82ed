namespace Euterpe.TestSupport.Mutants;

/// <summary>One SIGKILL of a writing command, <paramref name="DelayMilliseconds"/> after it starts.</summary>
public sealed record KillMutant(string Name, KillTarget Target, int DelayMilliseconds);
