namespace Euterpe.TestSupport.Mutants;

/// <summary>One seeded mutant of an input file: a short name saying what was changed, its bytes, and what a correct command must do with it.</summary>
/// <param name="Name">What was changed, e.g. <c>rate-0</c>; unique within one generator's list.</param>
public sealed record FileMutant(string Name, byte[] Bytes, Expectation Expect);
