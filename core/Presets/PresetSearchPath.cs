namespace Euterpe.Core.Presets;

/// <summary>
/// Where presets are looked for by id, in order (first wins on equal ids): a bundle's Contents/Resources/presets, a
/// presets/ folder beside the bundle, ~/.local/share/euterpe/presets (or $XDG_DATA_HOME/euterpe/presets), and each
/// folder in $EUTERPE_PRESETS (':'-separated; an entry that is itself a preset folder is that preset). The plug-in's
/// Model list and <c>euterpe generate NAME</c> both search these folders, so a name one accepts the other does too.
/// </summary>
public static class PresetSearchPath
{
    public const string EnvironmentVariable = "EUTERPE_PRESETS";

    /// <summary>A bundle's own presets folder, for its Contents folder <paramref name="contents"/>.</summary>
    public static string BundlePresets(string contents) => Path.Combine(contents, "Resources", "presets");

    /// <summary>The folders searched for a bundle whose Contents folder is <paramref name="contents"/> (null: no bundle).</summary>
    public static IReadOnlyList<string> Roots(string? contents)
    {
        var roots = new List<string>();
        if (!string.IsNullOrEmpty(contents))
        {
            roots.Add(BundlePresets(contents));
            var bundle = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(contents));
            var besideBundle = bundle is null ? null : Path.GetDirectoryName(bundle);
            if (besideBundle is not null && bundle!.EndsWith(".vst3", StringComparison.OrdinalIgnoreCase))
                roots.Add(Path.Combine(besideBundle, "presets"));
        }
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(data))
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        roots.Add(Path.Combine(data, "euterpe", "presets"));
        var extra = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(extra))
            roots.AddRange(extra.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return roots;
    }

    /// <summary>
    /// The preset folders under <paramref name="roots"/> in search order: first the roots that are presets themselves
    /// (named, true), then each other root's preset subfolders in ordinal order (false). Unlistable roots are skipped.
    /// </summary>
    public static IEnumerable<(string Folder, bool Named)> Candidates(IReadOnlyList<string> roots)
    {
        foreach (var root in roots)
            if (IsPreset(root)) yield return (root, true);
        foreach (var root in roots)
        {
            if (IsPreset(root)) continue;
            string[] folders;
            try
            {
                if (!Directory.Exists(root)) continue;
                folders = Directory.GetDirectories(root);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            Array.Sort(folders, StringComparer.Ordinal);
            foreach (var folder in folders)
                if (IsPreset(folder)) yield return (folder, false);
        }
    }

    /// <summary>Whether <paramref name="folder"/> holds a manifest.json.</summary>
    public static bool IsPreset(string folder) => File.Exists(Path.Combine(folder, Preset.ManifestFileName));

    /// <summary>
    /// The readable presets under <paramref name="roots"/> as (id, display name, folder), roots that are presets first,
    /// then each root's subfolders in ordinal order; the first of equal ids wins. Unreadable manifests are skipped.
    /// </summary>
    public static IReadOnlyList<(string Id, string DisplayName, string Folder)> List(IReadOnlyList<string> roots)
    {
        var found = new List<(string, string, string)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Add(string folder)
        {
            try
            {
                var preset = Preset.Open(folder);
                if (ids.Add(preset.Id)) found.Add((preset.Id, preset.DisplayName, folder));
            }
            catch (EuterpeException)
            {
                // A broken preset has no id to be found by; opening it by its folder names the problem.
            }
        }
        foreach (var (folder, _) in Candidates(roots)) Add(folder);
        return found;
    }

    /// <summary>The folder of the preset whose id (else display name) is <paramref name="name"/>, or null.</summary>
    public static string? Find(IReadOnlyList<(string Id, string DisplayName, string Folder)> presets, string name) =>
        presets.FirstOrDefault(p => p.Id == name).Folder
        ?? presets.FirstOrDefault(p => p.DisplayName.Equals(name, StringComparison.OrdinalIgnoreCase)).Folder;

    /// <summary>The end of an error for a name no preset has: the ids there are, for the user to pick from.</summary>
    public static string Available(IReadOnlyList<(string Id, string DisplayName, string Folder)> presets) =>
        presets.Count == 0 ? "no presets are installed" : "available presets: " + string.Join(", ", presets.Select(p => p.Id).Order(StringComparer.Ordinal));
}
