using Euterpe.Core;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// Opens a preset folder as an <see cref="INoteGenerator"/>: checks the manifest against model.onnx, then
/// builds the family's generator. Supported now: ONNX token models of representation "performance-events" and
/// n-gram melody presets.
/// Every problem is one <c>FILE: problem</c> <see cref="EuterpeException"/>. Runs on the worker thread.
/// </summary>
public static class GeneratorFactory
{
    public static INoteGenerator Open(string presetPath)
    {
        // The family decides what else the folder must hold, so the manifest is read first.
        var manifestPath = Path.Combine(presetPath, PresetDirectory.ManifestFileName);
        if (ManifestFamily.Read(presetPath) == ModelFamilies.NGram)
        {
            var ngram = NGramPreset.Open(presetPath);
            return new NGramNoteGenerator(ngram.Model, ngram.Encoding);
        }
        var family = ModelManifest.Load(manifestPath);
        if (family.Representation != Representations.PerformanceEvents)
            throw new EuterpeException($"{manifestPath}: representation \"{family.Representation}\" (family \"{family.Family}\") is not playable by the instrument yet; it plays \"{Representations.PerformanceEvents}\" token models and n-gram melodies");
        var preset = PresetDirectory.Open(presetPath);
        var manifest = preset.Manifest;
        preset.CheckModel();
        var encoding = TokenModelManifests.PerformanceEncoding(manifest, preset.ManifestPath);
        var signature = TokenModelManifests.Signature(manifest, preset.ManifestPath);
        OnnxTokenStepModel model;
        try
        {
            model = OnnxTokenStepModel.Open(preset.ModelPath, signature);
        }
        catch (ArgumentException e)
        {
            throw new EuterpeException($"{preset.ModelPath}: {e.Message}", inner: e);
        }
        try
        {
            if (model.VocabularySize != manifest.Vocabulary!.Size)
                throw new EuterpeException($"{preset.ManifestPath}: vocabulary size {manifest.Vocabulary.Size} but the model's logits have {model.VocabularySize}");
            return new PerformanceEventGenerator(model, encoding, manifest.Conditioning.Count);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
