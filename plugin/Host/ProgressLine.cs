namespace Euterpe.Host;

/// <summary>A one-line progress bar on stderr, redrawn at most every whole percent.</summary>
public sealed class ProgressLine(TextWriter error, bool quiet)
{
    private int _shown = -1;

    public void Report(double fraction)
    {
        if (quiet) return;
        var percent = (int)(Math.Clamp(fraction, 0, 1) * 100);
        if (percent == _shown) return;
        _shown = percent;
        // Into a log (not a terminal): one line per quarter instead of a redrawn bar.
        if (Console.IsErrorRedirected)
        {
            if (percent % 25 == 0) error.WriteLine($"{percent}%");
            return;
        }
        var filled = percent / 5;
        error.Write($"\r[{new string('#', filled)}{new string('.', 20 - filled)}] {percent,3}%");
        error.Flush();
    }

    public void Done()
    {
        if (quiet || _shown < 0 || Console.IsErrorRedirected) return;
        error.WriteLine();
    }
}
