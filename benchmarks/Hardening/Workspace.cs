using Euterpe.TestSupport;

namespace Euterpe.Hardening;

/// <summary>Where the campaign works and what it reads: the scratch folder, the repository's presets, the bundle and the seed files.</summary>
internal sealed class Workspace(CampaignOptions options)
{
    public CampaignOptions Options { get; } = options;

    public string Runs { get; } = Path.Combine(options.Results, "runs");

    /// <summary>The built VST3 bundle.</summary>
    public string Bundle { get; } = options.Bundle ?? RepositoryRoot.Combine("artifacts", "Euterpe.vst3");

    public string Preset(string name) => RepositoryRoot.Combine("presets", name);

    /// <summary>Seed songs that Debian installs (openttd-openmsx).</summary>
    public const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";

    /// <summary>Seed ABC tunes that Debian installs (abcmidi's examples).</summary>
    public const string AbcExamples = "/usr/share/doc/abcmidi/examples";

    /// <summary>A fresh folder for one run: runs/KIND/NNN-MUTANT.</summary>
    public string NewFolder(string kind, int index, string mutant)
    {
        var safe = new string(mutant.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray());
        var folder = Path.Combine(Runs, kind, $"{index:D3}-{(safe.Length > 60 ? safe[..60] : safe)}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Writes <paramref name="bytes"/> to FOLDER/NAME and returns its path.</summary>
    public static string Write(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A copy of a preset folder in FOLDER/NAME: links to its files, except those in <paramref name="replaced"/>, written instead.</summary>
    public static string PresetCopy(string preset, string folder, string name, IReadOnlyDictionary<string, byte[]> replaced)
    {
        var copy = Path.Combine(folder, name);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(preset))
        {
            var target = Path.Combine(copy, Path.GetFileName(file));
            if (replaced.TryGetValue(Path.GetFileName(file), out var bytes)) File.WriteAllBytes(target, bytes);
            else File.CreateSymbolicLink(target, file);
        }
        return copy;
    }

    /// <summary>The first <paramref name="count"/> files of <paramref name="folder"/> matching <paramref name="pattern"/>, by name.</summary>
    public static string[] Seeds(string folder, string pattern, int count)
    {
        if (!Directory.Exists(folder)) throw new InvalidOperationException($"{folder} is missing: run scripts/install-deps.sh (it installs the seed files)");
        return Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).Take(count).ToArray();
    }
}
