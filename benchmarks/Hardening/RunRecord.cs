using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>One finished run: what ran, on which mutant, and its verdict.</summary>
internal sealed record RunRecord(RunPlan Plan, int ExitCode, Verdict Verdict, string Reason, TimeSpan Elapsed);
