using System.Text;
using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>The campaign's results as a markdown table (a row per verdict, a column per kind and the total) and as CSV, a row per run.</summary>
internal static class TotalsTable
{
    /// <summary>The verdicts' names as the issue writes them.</summary>
    public static string Label(Verdict verdict) => verdict switch
    {
        Verdict.DestroyedInput => "destroyed-input",
        Verdict.SpecialFileReplaced => "special-file-replaced",
        Verdict.Crash => "crash",
        Verdict.Hang => "hang",
        Verdict.InternalError => "internal-error",
        Verdict.LeftoverTemp => "leftover-temp",
        Verdict.Exit0OnBadInput => "exit0-on-bad-input",
        Verdict.MessyError => "messy-error",
        Verdict.RefusedGoodInput => "refused-good-input",
        Verdict.CleanError => "clean-error",
        _ => "ok",
    };

    public static string Markdown(IReadOnlyList<RunRecord> records, IReadOnlyList<string> kinds)
    {
        var text = new StringBuilder();
        text.AppendLine($"| verdict | {string.Join(" | ", kinds)} | total |");
        text.AppendLine($"|---|{string.Concat(kinds.Select(_ => "---:|"))}---:|");
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            var row = kinds.Select(k => records.Count(r => r.Plan.Kind == k && r.Verdict == verdict)).ToArray();
            text.AppendLine($"| {Label(verdict)} | {string.Join(" | ", row)} | {row.Sum()} |");
        }
        var runs = kinds.Select(k => records.Count(r => r.Plan.Kind == k)).ToArray();
        text.AppendLine($"| **runs** | {string.Join(" | ", runs)} | {runs.Sum()} |");
        var mutants = kinds.Select(k => records.Where(r => r.Plan.Kind == k).Select(r => r.Plan.Mutant).Distinct().Count()).ToArray();
        text.AppendLine($"| **mutants** | {string.Join(" | ", mutants)} | {mutants.Sum()} |");
        return text.ToString();
    }

    public static string Csv(IEnumerable<RunRecord> records)
    {
        var text = new StringBuilder("kind,mutant,command,expect,exit,verdict,reason,seconds,folder,arguments\n");
        foreach (var r in records)
            text.AppendLine(string.Join(',', new[]
            {
                r.Plan.Kind, r.Plan.Mutant, r.Plan.Command, r.Plan.Expect.ToString(), r.ExitCode.ToString(), Label(r.Verdict), r.Reason,
                r.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture), r.Plan.Folder, string.Join(' ', r.Plan.Arguments),
            }.Select(Field)));
        return text.ToString();
    }

    // RFC 4180: quoted when it holds a comma, quote or line break; control characters shown as \uXXXX so a row stays one line.
    private static string Field(string value)
    {
        var clean = string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return clean.IndexOfAny([',', '"']) >= 0 ? $"\"{clean.Replace("\"", "\"\"")}\"" : clean;
    }
}
