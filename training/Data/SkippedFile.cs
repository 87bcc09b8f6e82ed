namespace Euterpe.Training.Data;

/// <summary>A file left out of a dataset and why (its path is relative to the data folder).</summary>
public sealed record SkippedFile(string Path, string Reason);
