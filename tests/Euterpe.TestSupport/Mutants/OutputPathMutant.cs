namespace Euterpe.TestSupport.Mutants;

/// <summary>One output path a command is told to write to, and how to make it in a scratch folder.</summary>
/// <param name="Prepare">Given the scratch folder, the command's input file and the output's extension (".wav"), makes what the path needs and returns the path.</param>
public sealed record OutputPathMutant(string Name, Expectation Expect, Func<string, string, string, string> Prepare);
