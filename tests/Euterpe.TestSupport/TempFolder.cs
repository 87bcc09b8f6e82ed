namespace Euterpe.TestSupport;

/// <summary>A fresh folder under the system temp folder, removed with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <param name="prefix">Starts the folder's name, so a folder left behind says which tests made it.</param>
    public TempFolder(string prefix = "euterpe-test-") => Root = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The folder itself.</summary>
    public string Root { get; }

    /// <summary>The path of a file directly in the folder (nothing is created).</summary>
    public string File(string name) => System.IO.Path.Combine(Root, name);

    /// <summary>A path under the folder, e.g. <c>Path("cache", "train.npy")</c> (nothing is created).</summary>
    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Copies the named files of <paramref name="source"/> into <paramref name="folder"/> (under this one) and returns that folder.</summary>
    public string CopyFrom(string source, string folder, params string[] names)
    {
        if (!Directory.Exists(source)) throw new InvalidOperationException($"{source} is missing: run scripts/install-deps.sh (it installs the data the tests read)");
        var target = Path(folder);
        Directory.CreateDirectory(target);
        foreach (var name in names) System.IO.File.Copy(System.IO.Path.Combine(source, name), System.IO.Path.Combine(target, name));
        return target;
    }

    public void Dispose()
    {
        // A file still open elsewhere only leaves the folder behind in the temp folder; the test has its result.
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
