namespace Euterpe.TestSupport;

/// <summary>
/// A copy of one of the repository's real presets (presets/NAME) in a temp folder, to break one thing at a time:
/// edit its manifest.json, or replace one of its files with something that is not a regular file.
/// </summary>
public static class PresetCopy
{
    public const string EventRnn = "event-rnn-openmsx";
    public const string FftLstm = "fft-lstm-bilinear-openmsx";
    public const string NGram = "ngram-openmsx";

    /// <summary>Copies presets/<paramref name="name"/> into <paramref name="temp"/> and returns the copy's folder.</summary>
    public static string Make(TempFolder temp, string name)
    {
        var source = RepositoryRoot.Combine("presets", name);
        var target = temp.Path(name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    /// <summary>A copy whose manifest.json has its first <paramref name="find"/> replaced (which must be there).</summary>
    public static string WithManifestEdit(TempFolder temp, string name, string find, string replace)
    {
        var folder = Make(temp, name);
        var path = ManifestPath(folder);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"{path} has no {find}: the preset changed; update the test");
        File.WriteAllText(path, text[..at] + replace + text[(at + find.Length)..]);
        return folder;
    }

    /// <summary>A copy whose manifest.json is <paramref name="json"/>.</summary>
    public static string WithManifest(TempFolder temp, string name, string json)
    {
        var folder = Make(temp, name);
        File.WriteAllText(ManifestPath(folder), json);
        return folder;
    }

    /// <summary>Replaces <paramref name="file"/> in a copy with a symbolic link to <paramref name="target"/> (e.g. /dev/zero).</summary>
    public static string Link(string folder, string file, string target)
    {
        var path = Path.Combine(folder, file);
        File.Delete(path);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>Replaces <paramref name="file"/> in a copy with a FIFO that nobody writes to (reading it would block).</summary>
    public static string Fifo(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        File.Delete(path);
        ProcessRunner.Run("mkfifo", [path]).EnsureSuccess();
        return path;
    }

    /// <summary>
    /// Sets every weight of one column of the event RNN's output layer (initializer output.weight_t) in a copy's
    /// model.onnx to <paramref name="value"/>, as a flipped exponent bit leaves a weight (-7.8e37); edited with Debian's
    /// python3-onnx. Returns the model's path.
    /// </summary>
    public static string SetOutputWeightColumn(string folder, int column, float value)
    {
        var model = Path.Combine(folder, "model.onnx");
        PythonRunner.RunCode("""
            import sys, onnx
            from onnx import numpy_helper
            m = onnx.load(sys.argv[1])
            for i, t in enumerate(m.graph.initializer):
                if t.name == "output.weight_t":
                    w = numpy_helper.to_array(t).copy()
                    w[:, int(sys.argv[2])] = float(sys.argv[3])
                    m.graph.initializer[i].CopyFrom(numpy_helper.from_array(w, t.name))
            onnx.save(m, sys.argv[1])
            """, model, column.ToString(System.Globalization.CultureInfo.InvariantCulture), value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        return model;
    }

    public static string ManifestPath(string folder) => Path.Combine(folder, "manifest.json");
}
