namespace Euterpe.Benchmarks;

/// <summary>One timed per-file step of <see cref="MidiReadBenchmark"/>.</summary>
public sealed record MidiBenchmarkStep(string Name, Action<MidiBenchmarkFile> Run);
