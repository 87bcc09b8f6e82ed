namespace Euterpe.TestSupport.Mutants;

/// <summary>What the campaign saw of one command run on a mutant, for <see cref="HardeningVerdict.Classify"/>.</summary>
/// <param name="Expect">What a correct command does with the mutant.</param>
/// <param name="ExitCode">The exit code; 128 + N when signal N ended it.</param>
/// <param name="Stderr">Everything the command wrote to stderr.</param>
/// <param name="TimedOut">It ran past the timeout and was killed.</param>
/// <param name="ChangedInputs">Input files whose content changed during the run.</param>
/// <param name="ReplacedSpecialFiles">Links, FIFOs or devices given as outputs that are now regular files.</param>
/// <param name="Leftovers">Hidden temp files, and outputs a failed or killed run left half-written.</param>
/// <param name="EmptyOutput">On exit 0, what the output lacks ("out.mid: no notes"); null when it carries music.</param>
/// <param name="UserFiles">Names the error line may name (the user's input and output paths); empty to skip that check.</param>
public sealed record RunObservation(
    Expectation Expect,
    int ExitCode,
    string Stderr,
    bool TimedOut = false,
    IReadOnlyList<string>? ChangedInputs = null,
    IReadOnlyList<string>? ReplacedSpecialFiles = null,
    IReadOnlyList<string>? Leftovers = null,
    string? EmptyOutput = null,
    IReadOnlyList<string>? UserFiles = null);
