namespace Euterpe.TestSupport.Mutants;

/// <summary>One seeded mutant of a VST3 bundle: one file of it replaced, removed, or one folder of it emptied.</summary>
/// <param name="RelativePath">The file or folder inside the bundle, e.g. <c>Contents/x86_64-linux/Euterpe.so</c>; empty for the bundle unchanged.</param>
/// <param name="Bytes">The file's new content; null removes the file, or empties the folder.</param>
public sealed record BundleMutant(string Name, string RelativePath, byte[]? Bytes, Expectation Expect);
