using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>One command run on one mutant, made ready in its own folder.</summary>
/// <param name="Kind">The input kind (abc, wav, …).</param>
/// <param name="Mutant">The mutant's name.</param>
/// <param name="Command">A short label of the command, e.g. <c>generate</c>.</param>
/// <param name="Arguments">The command line's arguments.</param>
/// <param name="Folder">The run's own folder; temp files left in it count against the run.</param>
/// <param name="Inputs">Files the command must not change (hashed before and after).</param>
/// <param name="Output">The output path the command is given, if any: checked for replaced links, half-written and empty content.</param>
/// <param name="UserFiles">Paths the error line may name.</param>
internal sealed record RunPlan(
    string Kind,
    string Mutant,
    string Command,
    IReadOnlyList<string> Arguments,
    Expectation Expect,
    string Folder,
    IReadOnlyList<string> Inputs,
    string? Output,
    IReadOnlyList<string> UserFiles)
{
    /// <summary>For a kill run: kill the command this long after its start, then run it again unkilled (the next write).</summary>
    public TimeSpan? KillAfter { get; init; }

    /// <summary>A timeout shorter than the campaign's (a FIFO output that blocks need not cost a whole minute).</summary>
    public TimeSpan? Timeout { get; init; }
}
