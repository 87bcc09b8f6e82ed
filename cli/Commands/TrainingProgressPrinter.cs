using System.Globalization;
using Euterpe.Training.Runs;

namespace Euterpe.Cli.Commands;

/// <summary>
/// The live training line on stderr: redrawn with \r on a terminal at most every 0.2 s; otherwise (logs, tests)
/// one plain line at each checkpoint. <see cref="Header"/> (what the run computes on) comes first, once the first step
/// has run, so that a run refused before training prints only its error.
/// </summary>
internal sealed class TrainingProgressPrinter(TextWriter error, bool interactive)
{
    private DateTime _lastDraw = DateTime.MinValue;
    private bool _drawn;

    public string? Header { get; set; }

    /// <summary>What the line calls the training loss and the validation figure (a GAN shows its critic's and generator's losses).</summary>
    public string LossLabel { get; set; } = "loss";

    public string ValidationLabel { get; set; } = "val";

    public void Report(TrainingProgress p)
    {
        if (Header is not null)
        {
            error.WriteLine(Header);
            Header = null;
        }
        var line = string.Create(CultureInfo.InvariantCulture,
            $"step {p.Step}/{p.TotalSteps}  {LossLabel} {p.Loss:0.0000}  {ValidationLabel} {(p.ValidationLoss is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-")}  {p.StepsPerSecond:0.00} steps/s  ETA {Format(p.Eta)}");
        if (interactive)
        {
            var now = DateTime.UtcNow;
            if ((now - _lastDraw).TotalSeconds < 0.2 && p.Step != p.TotalSteps) return;
            _lastDraw = now;
            error.Write("\r" + line.PadRight(90));
            _drawn = true;
            return;
        }
        if (p.Checkpointed) error.WriteLine(line);
    }

    public void Finish()
    {
        if (_drawn) error.WriteLine();
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : $"{t.Minutes}m{t.Seconds:00}s";
}
