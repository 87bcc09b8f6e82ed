using Euterpe.Core.Tensors;

namespace Euterpe.Core.Presets;

/// <summary>
/// Compares a manifest with the inputs and outputs a model declares. Errors name the manifest file first,
/// then both sides: <c>m.json: state input "h0" is float[2,1,512] but model.onnx declares float[3,1,512]</c>.
/// </summary>
internal static class ManifestModelCheck
{
    public static void Check(ModelManifest m, IReadOnlyList<TensorInfo> inputs, IReadOnlyList<TensorInfo> outputs, string modelPath)
    {
        var manifestPath = m.SourcePath;
        // The line names the manifest first; a model beside it is named by its file name, not its path once more.
        if (Path.GetDirectoryName(Path.GetFullPath(modelPath)) == Path.GetDirectoryName(Path.GetFullPath(manifestPath ?? "")))
            modelPath = Path.GetFileName(modelPath);
        void Expect(string what, string name, string elementType, long[]? shape, IReadOnlyList<TensorInfo> side, string sideName)
        {
            var found = side.FirstOrDefault(t => t.Name == name);
            if (found is null)
                throw new EuterpeException($"{manifestPath}: {what} \"{name}\" is not an {sideName} of {modelPath} (its {sideName}s: {string.Join(", ", side.Select(t => t.Name))})");
            var type = ManifestElementTypes.Parse(elementType);
            if (found.ElementType != type || (shape is not null && !Compatible(shape, found.Shape)))
                throw new EuterpeException($"{manifestPath}: {what} \"{name}\" is {ManifestElementTypes.Describe(type, shape)} but {modelPath} declares {ManifestElementTypes.Describe(found.ElementType, found.Shape, found.DimensionNames)}");
        }

        var io = m.Io ?? throw new EuterpeException($"{manifestPath}: missing \"io\"");
        foreach (var (role, t) in io.Inputs()) Expect($"io {role}", t.Name, t.ElementType, t.Shape, inputs, "input");
        foreach (var (role, t) in io.Outputs()) Expect($"io {role}", t.Name, t.ElementType, t.Shape, outputs, "output");
        foreach (var s in m.State)
        {
            Expect("state input", s.Input, s.ElementType, s.Shape, inputs, "input");
            Expect("state output", s.Output, s.ElementType, s.Shape, outputs, "output");
        }
        foreach (var c in m.Conditioning) Expect("conditioning input", c.Name, c.ElementType, c.Shape, inputs, "input");

        // Every input must be fed by someone, or a Run would fail later with a less helpful message.
        var fed = io.Inputs().Select(x => x.Tensor.Name).Concat(m.State.Select(s => s.Input)).Concat(m.Conditioning.Select(c => c.Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var input in inputs)
            if (!fed.Contains(input.Name))
                throw new EuterpeException($"{manifestPath}: {modelPath} has input \"{input.Name}\" ({ManifestElementTypes.Describe(input.ElementType, input.Shape, input.DimensionNames)}) that the manifest does not describe (io, state or conditioning)");
    }

    /// <summary>Same rank, and each dimension equal unless either side leaves it open (−1).</summary>
    internal static bool Compatible(long[] manifestShape, long[] modelShape) =>
        manifestShape.Length == modelShape.Length &&
        manifestShape.Zip(modelShape).All(p => p.First < 0 || p.Second < 0 || p.First == p.Second);
}
