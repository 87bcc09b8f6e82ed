namespace Euterpe.TestSupport.Mutants;

/// <summary>One seeded mutant of a preset folder: its manifest's text and, when set, what its model file is replaced by.</summary>
/// <param name="ModelLink">A path the preset's model file becomes a symbolic link to (<c>/dev/zero</c>, a folder); null keeps the model.</param>
public sealed record PresetMutant(string Name, string Manifest, Expectation Expect, string? ModelLink = null);
