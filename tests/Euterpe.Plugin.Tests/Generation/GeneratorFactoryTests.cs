using Euterpe.Core;
using Euterpe.Core.Inference.Manifests;
using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Tests.Generation;

public class GeneratorFactoryTests
{
    [Fact]
    public void APresetOfAnotherRepresentationSaysItIsNotPlayableYet()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"euterpe-ngram-{Guid.NewGuid():N}")).FullName;
        try
        {
            new ModelManifest
            {
                Id = "ngram-test", DisplayName = "N-gram", Family = ModelFamilies.NGram, Representation = Representations.NoteTokens,
                Vocabulary = new ManifestVocabulary { Size = 2, Tokens = ["a", "b"] },
                Io = new ManifestIo { TokenInput = new ManifestTensor { Name = "t", ElementType = "int64" }, LogitsOutput = new ManifestTensor { Name = "l" } },
            }.Save(Path.Combine(folder, PresetDirectory.ManifestFileName));
            var e = Assert.Throws<EuterpeException>(() => GeneratorFactory.Open(folder));
            Assert.Equal($"{Path.Combine(folder, PresetDirectory.ManifestFileName)}: representation \"note-tokens\" (family \"ngram\") is not playable by the instrument yet; it plays \"performance-events\" token models", e.Message);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void AVocabularyThatDisagreesWithItsEncodingIsRefused()
    {
        var manifest = ModelManifest.Parse(File.ReadAllText(Path.Combine(TestPresets.Folder, "good", PresetDirectory.ManifestFileName)));
        manifest.Vocabulary!.Size += 1;
        var e = Assert.Throws<EuterpeException>(() => TokenModelManifests.PerformanceEncoding(manifest, "m.json"));
        Assert.Equal($"m.json: vocabulary size {TestPresets.Encoding.VocabularySize + 1} does not match its performance encoding ({TestPresets.Encoding.VocabularySize} tokens)", e.Message);
    }
}
