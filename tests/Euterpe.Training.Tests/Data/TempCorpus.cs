namespace Euterpe.Training.Tests.Data;

/// <summary>A temporary folder for a small corpus and the caches written from it; deleted on dispose.</summary>
public sealed class TempCorpus : IDisposable
{
    public const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";
    public const string AbcExamples = "/usr/share/doc/abcmidi/examples";

    public TempCorpus() => Root = Directory.CreateTempSubdirectory("euterpe-data-").FullName;

    public string Root { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Copies <paramref name="names"/> from <paramref name="source"/> into <paramref name="folder"/> (under the root).</summary>
    public string CopyFrom(string source, string folder, params string[] names)
    {
        Assert.True(Directory.Exists(source), $"{source} is missing: run scripts/install-deps.sh (openttd-openmsx, abcmidi)");
        var target = Path(folder);
        Directory.CreateDirectory(target);
        foreach (var name in names) File.Copy(System.IO.Path.Combine(source, name), System.IO.Path.Combine(target, name));
        return target;
    }

    public static void RequireOpenMsx() =>
        Assert.True(Directory.Exists(OpenMsx), $"{OpenMsx} is missing: install the Debian package openttd-openmsx (scripts/install-deps.sh)");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
