using System.Text.RegularExpressions;

namespace Euterpe.TestSupport.Mutants;

/// <summary>
/// Classifies one hardening run by issue 15's rules: a bad input ends in exit 2 with one line <c>error: FILE: problem</c>
/// naming the user's file; nothing is destroyed, replaced or left half-written; no crash, hang or internal error.
/// </summary>
public static partial class HardeningVerdict
{
    /// <summary>The longest error line that still counts as short.</summary>
    public const int MaxErrorLength = 300;

    /// <summary>The worst verdict that applies, and why in a few words (empty for <see cref="Verdict.Ok"/>).</summary>
    public static (Verdict Verdict, string Reason) Classify(RunObservation run)
    {
        if (run.ChangedInputs is [var changed, ..]) return (Verdict.DestroyedInput, $"{changed} changed");
        if (run.ReplacedSpecialFiles is [var replaced, ..]) return (Verdict.SpecialFileReplaced, $"{replaced} is now a regular file");
        if (run.TimedOut) return (Verdict.Hang, "ran past the timeout");
        // 130 is the command's own exit on cancel (SIGINT); other codes above 128 are deaths by a signal.
        if (run.ExitCode is > 128 and < 160 and not 130) return (Verdict.Crash, $"signal {run.ExitCode - 128}");
        if (run.Stderr.Contains("Unhandled exception", StringComparison.Ordinal)) return (Verdict.Crash, "unhandled exception");
        if (run.ExitCode == 70 || run.Stderr.Contains("internal error", StringComparison.OrdinalIgnoreCase))
            return (Verdict.InternalError, LastLine(run.Stderr));
        if (run.Leftovers is [var left, ..]) return (Verdict.LeftoverTemp, $"{left} left behind");
        if (run.ExitCode == 0)
        {
            if (run.Expect == Expectation.Bad) return (Verdict.Exit0OnBadInput, "exit 0 on a broken input");
            if (run.EmptyOutput is { } empty && run.Expect != Expectation.Good) return (Verdict.Exit0OnBadInput, empty);
            return (Verdict.Ok, "");
        }
        if (MessyReason(run) is { } messy) return (Verdict.MessyError, messy);
        if (run.Expect == Expectation.Good) return (Verdict.RefusedGoodInput, LastLine(run.Stderr));
        return (Verdict.CleanError, LastLine(run.Stderr));
    }

    /// <summary>Why a failure's stderr and exit code are not the one clean line the issue asks for; null when they are.</summary>
    public static string? MessyReason(RunObservation run)
    {
        // Progress lines may come before the error; the error itself is the last line, and the only one.
        var lines = run.Stderr.Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0) return "no error line";
        var last = lines[^1];
        if (!last.StartsWith("error: ", StringComparison.Ordinal)) return "last line is not 'error: …'";
        if (lines.Count(l => l.StartsWith("error", StringComparison.OrdinalIgnoreCase)) > 1) return "more than one error line";
        if (lines.Any(l => l.StartsWith("   at ", StringComparison.Ordinal) || l.Contains("Exception:", StringComparison.Ordinal))) return "stack trace or exception text";
        if (last.Length > MaxErrorLength) return $"error line of {last.Length} characters";
        if (last.Any(c => char.IsControl(c) && c != '\t')) return "control characters in the error line";
        if (HiddenTemp().IsMatch(last)) return "names a hidden temp file";
        if (run.ExitCode != 2) return $"exit {run.ExitCode}, not 2";
        if (run.UserFiles is { Count: > 0 } files && !files.Any(f => Names(last, f))) return "does not name the user's file";
        return null;
    }

    /// <summary>The most characters of user text an error quotes (UserText.Quote); a longer path is named by its start.</summary>
    private const int QuotedLimit = 80, NamedPrefix = 60;

    private static bool Names(string line, string path)
    {
        // An empty path can only be named quoted: a bare ": problem" names nothing.
        if (path.Length == 0) return line.Contains("\"\"", StringComparison.Ordinal);
        var name = Path.GetFileName(path.TrimEnd('/'));
        return Contains(line, path) || (name.Length > 0 && Contains(line, name));
    }

    // The issue asks errors to quote at most ~80 characters of input: past that, the first 60 stand for the whole.
    private static bool Contains(string line, string text) =>
        line.Contains(text.Length > QuotedLimit ? text[..NamedPrefix] : text, StringComparison.Ordinal);

    private static string LastLine(string stderr)
    {
        var last = stderr.TrimEnd().Split('\n')[^1].Trim();
        return last.Length > 160 ? last[..160] + "…" : last;
    }

    // A dot-file ending in .tmp (optionally .tmp.SUFFIX): what atomic writes stage into.
    [GeneratedRegex(@"(^|/)\.[^/\s]+\.tmp\b")]
    private static partial Regex HiddenTemp();
}
