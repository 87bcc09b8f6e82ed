namespace Euterpe.Cli.Commands;

/// <summary>
/// Progress on stderr for every long command: on a terminal one line redrawn with \r (a bar, the count or
/// percentage, and the current item); otherwise (logs, CI, tests) a plain line at every tenth of the way, so logs stay short.
/// </summary>
internal sealed class ProgressLine(TextWriter error, bool interactive, bool quiet = false)
{
    private const int BarWidth = 30;
    private int _lastTenth = -1;
    private int _lastPercent = -1;

    public static ProgressLine ForStderr(TextWriter error, bool quiet = false) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected, quiet);

    /// <summary>Counted work: <paramref name="done"/> of <paramref name="total"/> items, the last one named.</summary>
    public void Report(int done, int total, string item)
    {
        if (quiet) return;
        if (interactive)
        {
            var filled = total == 0 ? BarWidth : done * BarWidth / total;
            var name = item.Length > 40 ? "…" + item[^39..] : item;
            error.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {done}/{total} {name,-40}");
            if (done == total) error.WriteLine();
            return;
        }
        var tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth == _lastTenth && done != total) return;
        _lastTenth = tenth;
        error.WriteLine($"progress: {done}/{total} files");
    }

    /// <summary>Continuous work as a fraction in [0, 1], redrawn at most every whole percent.</summary>
    public void Report(double fraction)
    {
        if (quiet) return;
        var percent = (int)(Math.Clamp(fraction, 0, 1) * 100);
        if (percent == _lastPercent) return;
        _lastPercent = percent;
        if (interactive)
        {
            var filled = percent * BarWidth / 100;
            error.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent,3}%");
            error.Flush();
            return;
        }
        var tenth = percent / 10;
        if (tenth == _lastTenth) return;
        _lastTenth = tenth;
        error.WriteLine($"progress: {percent}%");
    }

    /// <summary>Ends a redrawn line so later output starts on its own line.</summary>
    public void Done()
    {
        if (!quiet && interactive && _lastPercent >= 0) error.WriteLine();
    }
}
