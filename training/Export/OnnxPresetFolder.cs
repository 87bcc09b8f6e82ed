using Euterpe.Core.Generation;
using Euterpe.Core.Onnx;
using Euterpe.Core.Presets;
using Euterpe.Training.Data;

namespace Euterpe.Training.Export;

/// <summary>
/// Writes an ONNX family's preset folder as a whole or not at all: model.onnx (its graph checked first, so a
/// graph-building mistake is named before the runtime reads it), any files of the family's own, and manifest.json,
/// then the folder is opened by the family as a load would open it before it takes the preset's place.
/// </summary>
public static class OnnxPresetFolder
{
    /// <param name="moreFiles">Writes the family's other files into the folder being built (e.g. fft-lstm's seed.wav).</param>
    public static ModelManifest Write(string presetFolder, OnnxModel onnx, ModelManifest manifest, ModelFamily family, Action<string>? moreFiles = null) =>
        Write(presetFolder, onnx, manifest, family.Check, moreFiles);

    /// <param name="check">Opens the finished folder as its reader would (for presets no generator plays, such as the refine nets).</param>
    public static ModelManifest Write(string presetFolder, OnnxModel onnx, ModelManifest manifest, Action<Preset> check, Action<string>? moreFiles = null) =>
        AtomicFolder.Write(presetFolder, Preset.ManifestFileName, "a preset", temp =>
        {
            OnnxGraphChecks.Validate(onnx, Path.Combine(presetFolder, Preset.ModelFileName));
            onnx.Save(Path.Combine(temp, Preset.ModelFileName));
            moreFiles?.Invoke(temp);
            manifest.Save(Path.Combine(temp, Preset.ManifestFileName));
            check(Preset.Open(temp));
            return manifest;
        });
}
