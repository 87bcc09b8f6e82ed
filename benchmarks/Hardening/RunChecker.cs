using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>Runs one plan and checks everything around it: inputs unchanged, special outputs kept, nothing left half-written.</summary>
internal sealed class RunChecker(CliProcess cli, CampaignOptions options)
{
    public RunRecord Run(RunPlan plan)
    {
        var inputsBefore = plan.Inputs.Select(FileState.Of).ToArray();
        var outputBefore = plan.Output is null ? null : FileState.Of(plan.Output);
        var timeout = plan.Timeout is { } t && t < options.Timeout ? t : options.Timeout;
        var leftovers = new List<string>();
        var result = cli.Run(plan.Arguments, plan.Folder, timeout, plan.KillAfter);
        var elapsed = result.Elapsed;
        var killNote = "";
        if (plan.KillAfter is not null)
        {
            // A kill that came after the command had ended tests nothing; say so, so the table's ok can be read.
            killNote = result.Killed ? "killed mid-run" : "ended before the kill";
            // What the kill left must be whole or absent; then the next write into the same folder must clean up.
            if (result.Killed && plan.Output is not null && File.Exists(plan.Output) && OutputContent.Incomplete(plan.Output) is { } cut)
                leftovers.Add($"after the kill {cut}");
            result = cli.Run(plan.Arguments, plan.Folder, timeout);
            elapsed += result.Elapsed;
        }
        var changed = inputsBefore.Where(before => FileState.Of(before.Path) != before).Select(b => b.Path).ToList();
        var outputAfter = plan.Output is null ? null : FileState.Of(plan.Output);
        var replaced = outputBefore is { IsSpecial: true } && outputAfter is not null && outputAfter.What != outputBefore.What
            ? [$"{plan.Output} (was {outputBefore.What})"] : new List<string>();
        leftovers.AddRange(HiddenTemps(plan.Folder).Select(p => Path.GetRelativePath(plan.Folder, p)));
        if (result.ExitCode != 0 && !result.TimedOut && outputBefore is not null && outputAfter is not null && !outputBefore.IsSpecial && outputAfter != outputBefore)
            leftovers.Add($"{Path.GetFileName(plan.Output!.TrimEnd('/'))} written by a failed run");
        string? empty = null;
        if (result.ExitCode == 0 && plan.Output is not null && outputAfter?.What == FileState.Type.Regular)
            empty = OutputContent.Incomplete(plan.Output) ?? OutputContent.Empty(plan.Output);
        var observation = new RunObservation(plan.Expect, result.ExitCode, result.Stderr, result.TimedOut, changed, replaced, leftovers, empty, plan.UserFiles);
        var (verdict, reason) = HardeningVerdict.Classify(observation);
        if (killNote.Length > 0) reason = reason.Length > 0 ? $"{killNote}; {reason}" : killNote;
        File.WriteAllText(Path.Combine(plan.Folder, $"{Slug(plan.Command)}.log"),
            $"$ euterpe {string.Join(' ', plan.Arguments)}\nexit {result.ExitCode}{(result.TimedOut ? " (timed out)" : "")}\nverdict {verdict}: {reason}\n--- stdout\n{result.Stdout}\n--- stderr\n{result.Stderr}");
        return new RunRecord(plan, result.ExitCode, verdict, reason, elapsed);
    }

    // Dot-files and dot-folders with .tmp in their names: what an atomic write stages into before its rename.
    private static IEnumerable<string> HiddenTemps(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, ".*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .Where(p => Path.GetFileName(p).Contains(".tmp", StringComparison.Ordinal));

    private static string Slug(string command) => command.Replace(' ', '-').Replace("(", "").Replace(")", "").Replace(".", "");
}
