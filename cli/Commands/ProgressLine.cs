namespace Euterpe.Cli.Commands;

/// <summary>
/// Progress on stderr: on a terminal one line redrawn with \r (a bar, the count and the current file); otherwise
/// (logs, CI, tests) a plain line at every tenth of the way, so logs stay short.
/// </summary>
internal sealed class ProgressLine(TextWriter error, bool interactive)
{
    private const int BarWidth = 30;
    private int _lastTenth = -1;

    public static ProgressLine ForStderr(TextWriter error) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    public void Report(int done, int total, string item)
    {
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
}
