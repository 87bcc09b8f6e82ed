using Euterpe.Core;
using Euterpe.Core.Families.Refine;
using Euterpe.Plugin.Diagnostics;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// The worker's Humanize switch: the refine nets the preset catalog found (<see cref="PresetCatalog.DurationNet"/>,
/// <see cref="PresetCatalog.VelocityNet"/>) run over the generated notes (<see cref="NoteHumanizer"/>) before they are
/// queued. The nets are opened the first time the switch is on (on the worker, never the audio thread); without any,
/// the switch does nothing and the log says why once. Steady state allocates nothing.
/// </summary>
internal sealed class HumanizeStage : IDisposable
{
    private NoteRefiner? _duration;
    private NoteRefiner? _velocity;
    private PresetCatalog? _loadedFrom;

    /// <summary>The humanizer while the switch is on and a net was found; else null (notes go straight to the queue).</summary>
    public NoteHumanizer? Active { get; private set; }

    private NoteHumanizer? _humanizer;

    /// <summary>Follows the switch; true when it did something that may allocate (opening the nets).</summary>
    public bool Follow(bool on, PresetCatalog catalog)
    {
        if (!on)
        {
            Active = null;
            return false;
        }
        if (_loadedFrom == catalog)
        {
            Active = _humanizer;
            return false;
        }
        Close();
        _loadedFrom = catalog;
        try
        {
            _duration = catalog.DurationNet is { } d ? NoteRefiner.Open(d, RefineNetKind.Duration) : null;
            _velocity = catalog.VelocityNet is { } v ? NoteRefiner.Open(v, RefineNetKind.Velocity) : null;
        }
        catch (Exception e) when (e is EuterpeException or IOException or UnauthorizedAccessException or DllNotFoundException)
        {
            PluginLog.Write($"humanize: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (_duration is null && _velocity is null)
            PluginLog.Write($"humanize: no refine-duration or refine-velocity preset found (looked in {string.Join(", ", catalog.Roots)}); notes pass unchanged");
        else
        {
            _humanizer = new NoteHumanizer(_duration, _velocity);
            PluginLog.Write($"humanize: durations by {catalog.DurationNet ?? "(none)"}, velocities by {catalog.VelocityNet ?? "(none)"}");
        }
        Active = _humanizer;
        return true;
    }

    private void Close()
    {
        Active = null;
        _humanizer = null;
        _duration?.Dispose();
        _velocity?.Dispose();
        (_duration, _velocity) = (null, null);
    }

    public void Dispose() => Close();
}
