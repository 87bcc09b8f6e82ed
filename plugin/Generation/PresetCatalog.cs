using Euterpe.Core;
using Euterpe.Core.Families;
using Euterpe.Core.Families.Refine;
using Euterpe.Core.Presets;
using Euterpe.Plugin.Module;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// The presets the "Model" parameter lists, found in (first wins on equal ids): the bundle's
/// Contents/Resources/presets, a presets/ folder beside the bundle, ~/.local/share/euterpe/presets
/// (or $XDG_DATA_HOME/euterpe/presets), and each folder in $EUTERPE_PRESETS (':'-separated). A preset is a
/// folder with manifest.json (the refine nets' presets are left out: they tidy notes, they do not make them; the first of
/// each kind is what Humanize uses). An $EUTERPE_PRESETS entry that is itself a preset folder is that preset (its siblings
/// are not read), and it comes before every other folder: a folder named on purpose (`render --preset FOLDER`) is the
/// one played, never a same-id copy in the bundle. Such named folders head the list in the order named and are never
/// cut by <see cref="MaxPresets"/>; the rest is sorted by display name so slots are stable for one set of folders.
/// Scanned once per process (hosts list parameters once), and again when an instance is created after $EUTERPE_PRESETS
/// changed (<see cref="RescanIfSearchPathChanged"/>); <see cref="Rescan"/> reads the folders again.
/// </summary>
public sealed class PresetCatalog
{
    /// <summary>Slots the list parameter has: slot 0 is "Off", slots 1…MaxPresets are presets.</summary>
    public const int MaxPresets = 64;
    public const string EnvironmentVariable = PresetSearchPath.EnvironmentVariable;

    private static PresetCatalog? _shared;

    private PresetCatalog(IReadOnlyList<PresetEntry> entries, IReadOnlyList<string> roots, string? searchPath, string? durationNet, string? velocityNet)
    {
        Entries = entries;
        Roots = roots;
        SearchPath = searchPath;
        DurationNet = durationNet;
        VelocityNet = velocityNet;
    }

    /// <summary>The first refine-duration preset found (in search order), which Humanize uses; null if none.</summary>
    public string? DurationNet { get; }

    /// <summary>The first refine-velocity preset found, which Humanize uses; null if none.</summary>
    public string? VelocityNet { get; }

    /// <summary>$EUTERPE_PRESETS when this catalog was scanned.</summary>
    private string? SearchPath { get; }

    /// <summary>
    /// The catalog every instance lists. The first scan may run on several threads at once (the generator worker and a
    /// host reading parameters): one result is kept, else the worker would see a second catalog and load its model again.
    /// </summary>
    public static PresetCatalog Shared => Volatile.Read(ref _shared) ?? FirstScan();

    private static PresetCatalog FirstScan()
    {
        var scanned = Scan(SearchRoots());
        return Interlocked.CompareExchange(ref _shared, scanned, null) ?? scanned;
    }

    public IReadOnlyList<PresetEntry> Entries { get; }

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> Roots { get; }

    public static PresetCatalog Rescan()
    {
        var catalog = Scan(SearchRoots());
        Volatile.Write(ref _shared, catalog);
        return catalog;
    }

    /// <summary>Scans again when $EUTERPE_PRESETS is not what the shared catalog was scanned with (never on the audio thread).</summary>
    public static void RescanIfSearchPathChanged()
    {
        if (Volatile.Read(ref _shared) is { } current && current.SearchPath != Environment.GetEnvironmentVariable(EnvironmentVariable)) Rescan();
    }

    /// <summary>The folders searched, as <see cref="PresetSearchPath"/> orders them for this bundle.</summary>
    public static IReadOnlyList<string> SearchRoots() => PresetSearchPath.Roots(BundleContents());

    /// <summary>The bundle's Contents folder (Euterpe.so sits in &lt;bundle&gt;/Contents/x86_64-linux/); null when unknown.</summary>
    private static string? BundleContents()
    {
        var moduleDir = System.IO.Path.TrimEndingDirectorySeparator(ModuleFolder.Path);
        return string.IsNullOrEmpty(moduleDir) ? null : System.IO.Path.GetDirectoryName(moduleDir);
    }

    /// <summary>Whether <paramref name="folder"/> lies in this bundle's own presets (Contents/Resources/presets).</summary>
    public static bool IsBundled(string folder)
    {
        if (BundleContents() is not { } contents) return false;
        var own = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(PresetSearchPath.BundlePresets(contents)));
        return System.IO.Path.GetFullPath(folder).StartsWith(own + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    public static PresetCatalog Scan(IReadOnlyList<string> roots)
    {
        var named = new List<PresetEntry>();
        var found = new List<PresetEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        string? durationNet = null, velocityNet = null;
        void Add(string folder, List<PresetEntry> into)
        {
            if (!paths.Add(System.IO.Path.GetFullPath(folder))) return;
            var entry = Describe(folder, out var refine);
            if (refine == RefineNetKind.Duration) durationNet ??= folder;
            if (refine == RefineNetKind.Velocity) velocityNet ??= folder;
            if (entry is not null && ids.Add(entry.Id)) into.Add(entry);
        }
        foreach (var (folder, isNamed) in PresetSearchPath.Candidates(roots)) Add(folder, isNamed ? named : found);
        found.Sort((a, b) =>
        {
            var byName = string.Compare(a.DisplayName, b.DisplayName, StringComparison.OrdinalIgnoreCase);
            return byName != 0 ? byName : string.CompareOrdinal(a.Path, b.Path);
        });
        if (named.Count > MaxPresets) named.RemoveRange(MaxPresets, named.Count - MaxPresets);
        var room = MaxPresets - named.Count;
        if (found.Count > room) found.RemoveRange(room, found.Count - room);
        return new PresetCatalog([.. named, .. found], roots, Environment.GetEnvironmentVariable(EnvironmentVariable), durationNet, velocityNet);
    }

    /// <summary>The preset of a list slot (1-based), or null for "Off" and empty slots.</summary>
    public PresetEntry? AtSlot(int slot) => slot >= 1 && slot <= Entries.Count ? Entries[slot - 1] : null;

    /// <summary>The slot of the preset with this id (else this path), or -1.</summary>
    public int SlotOf(string id, string path)
    {
        for (var i = 0; i < Entries.Count; i++)
            if (Entries[i].Id == id) return i + 1;
        for (var i = 0; i < Entries.Count; i++)
            if (Entries[i].Path == path) return i + 1;
        return -1;
    }

    public string LabelOf(int slot) => slot == 0 ? "Off" : AtSlot(slot)?.DisplayName ?? "(no preset)";

    /// <summary>
    /// The one read of a preset's manifest: its family's record checked now, its model when it is chosen. A refine net
    /// (core/Families/Refine) is no model to play: null, and it is not listed; <paramref name="refine"/> says which net it is.
    /// </summary>
    private static PresetEntry? Describe(string folder, out RefineNetKind? refine)
    {
        var name = System.IO.Path.GetFileName(folder);
        refine = null;
        try
        {
            var preset = Preset.Open(folder);
            refine = RefineNetKinds.FromFamily(preset.Family);
            if (refine is not null) return null;
            var family = ModelFamilies.Of(preset);
            family.CheckManifest(preset);
            return new PresetEntry(preset.Id, preset.DisplayName, folder, null, family.Conditioning(preset), preset, family);
        }
        catch (EuterpeException e)
        {
            return new PresetEntry($"folder:{name}", name, folder, e.Message, []);
        }
    }
}
