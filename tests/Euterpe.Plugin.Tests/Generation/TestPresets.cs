using System.Text.Json;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Presets;
using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// A temporary presets folder, built once per test run: a real performance-event LSTM (performance_lstm.onnx of
/// <see cref="OnnxTestModels"/>) with its manifest written through ModelManifest, plus two bad presets: a
/// corrupt model.onnx and a manifest naming a token input the model does not have. EUTERPE_PRESETS points at it
/// and the catalog is scanned again; tests find their slots by id because other folders may hold presets too.
/// </summary>
public static class TestPresets
{
    public const string GoodId = "test-performance-lstm";
    public const string CorruptId = "test-corrupt-model";
    public const string MismatchId = "test-mismatched-manifest";
    public const string AudioId = "fft-lstm-bilinear-openmsx";
    public const string NGramId = "ngram-openmsx";

    /// <summary>The shipped conditional event RNN (14 conditioning features, corpus mean in its metadata).</summary>
    public const string ShippedEventRnnId = "event-rnn-openmsx";

    /// <summary>The shipped Char-RNN over ABC text (beats, conditional).</summary>
    public const string ShippedCharRnnId = "char-rnn-abc";

    /// <summary>The shipped ABC GRU WGAN (64-character segments from noise, beats).</summary>
    public const string ShippedAbcWganId = "abc-wgan-abc";

    /// <summary>The shipped RNN-GAN (melody tokens with noise at every step, beats).</summary>
    public const string ShippedRnnGanId = "rnn-gan-openmsx";

    /// <summary>The shipped refine nets (not in the Model list; Humanize finds them).</summary>
    public const string RefineDurationId = "refine-duration-openmsx";

    public const string RefineVelocityId = "refine-velocity-mixed";
    /// <summary>The shipped SeqGAN (joint melody tokens from a start symbol, beats).</summary>
    public const string ShippedSeqGanId = "seqgan-openmsx";
    /// <summary>The shipped SeqAE (a walk through binary codes, 8 melody tokens each, beats).</summary>
    public const string ShippedSeqAeId = "seq-ae-openmsx";
    /// <summary>The shipped piano-roll DCGAN (a 16-beat clip a step, beats).</summary>
    public const string ShippedDcganId = "dcgan-openmsx";
    /// <summary>The shipped DCRNN (a 16-beat clip a step from z and a theme, beats).</summary>
    public const string ShippedDcrnnId = "dcrnn-openmsx";
    /// <summary>The shipped Pix2Pix inpainter (fills the captured clip on Fill Clip, beats).</summary>
    public const string ShippedPix2PixId = "pix2pix-openmsx";
    /// <summary>The shipped multi-track WGAN-GP (a 16-beat clip of 17 family tracks a step, each on its channel).</summary>
    public const string ShippedWganGpId = "wgan-gp-mma";

    public const string AudioBadSeedId = "test-audio-truncated-seed";
    public const string AudioWrongModelId = "test-audio-note-model";
    public const string EncodingName = "performance-events";

    public static readonly PerformanceEncodingOptions EncodingOptions = new()
    {
        MinPitch = 48, MaxPitch = 83, StepSeconds = 0.02, MaxShiftSteps = 50, VelocityBins = 8,
    };

    public static readonly PerformanceEncoding Encoding = new(EncodingOptions);

    // make_test_models.py builds performance_lstm.onnx for these options: 36 pitches twice, 50 shifts, 8 velocities.
    private const int ModelVocabulary = 130;

    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder => Built.Value;

    public static string GoodModelPath => Path.Combine(Folder, "good", Preset.ModelFileName);

    /// <summary>Conditioning input of the good preset: "Energy" in [-1, 1].</summary>
    public static readonly ConditioningInput Energy = new() { Name = "cond", DisplayName = "Energy", Min = -1, Max = 1, Default = 0, Shape = [1, 1] };

    /// <summary>The "Model" slot of a preset in the shared catalog (scanning the test folder first).</summary>
    public static int SlotOf(string id)
    {
        _ = Folder;
        var slot = PresetCatalog.Shared.SlotOf(id, "");
        if (slot < 0) throw new InvalidOperationException($"preset {id} not in the catalog");
        return slot;
    }

    private static string Build()
    {
        if (Encoding.VocabularySize != ModelVocabulary)
            throw new InvalidOperationException($"the encoding has {Encoding.VocabularySize} tokens, performance_lstm.onnx {ModelVocabulary}: change make_test_models.py with it");
        var folder = new TempFolder("euterpe-plugin-presets-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        var root = folder.Root;
        var good = Directory.CreateDirectory(Path.Combine(root, "good")).FullName;
        File.Copy(OnnxTestModels.PathOf("performance_lstm.onnx"), Path.Combine(good, Preset.ModelFileName));
        Manifest(GoodId, "A Test Performance LSTM", "token").Save(Path.Combine(good, Preset.ManifestFileName));

        var corrupt = Directory.CreateDirectory(Path.Combine(root, "corrupt")).FullName;
        File.WriteAllBytes(Path.Combine(corrupt, Preset.ModelFileName), [0x08, 0x07, 0xFF, 0xFF, 0x12, 0x99, 0x01]);
        Manifest(CorruptId, "B Corrupt Model", "token").Save(Path.Combine(corrupt, Preset.ManifestFileName));

        var mismatch = Directory.CreateDirectory(Path.Combine(root, "mismatch")).FullName;
        File.Copy(Path.Combine(good, Preset.ModelFileName), Path.Combine(mismatch, Preset.ModelFileName));
        Manifest(MismatchId, "C Mismatched Manifest", "note_token").Save(Path.Combine(mismatch, Preset.ManifestFileName));

        // The shipped raw-audio preset (fft-lstm), for audio mode, and the shipped n-gram.
        var audio = Directory.CreateDirectory(Path.Combine(root, "audio")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", AudioId))) File.Copy(file, Path.Combine(audio, Path.GetFileName(file)));
        var ngram = Directory.CreateDirectory(Path.Combine(root, "ngram")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", NGramId))) File.Copy(file, Path.Combine(ngram, Path.GetFileName(file)));
        var eventRnn = Directory.CreateDirectory(Path.Combine(root, "event-rnn")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedEventRnnId))) File.Copy(file, Path.Combine(eventRnn, Path.GetFileName(file)));
        var charRnn = Directory.CreateDirectory(Path.Combine(root, "char-rnn")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedCharRnnId))) File.Copy(file, Path.Combine(charRnn, Path.GetFileName(file)));
        var abcWgan = Directory.CreateDirectory(Path.Combine(root, "abc-wgan")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedAbcWganId))) File.Copy(file, Path.Combine(abcWgan, Path.GetFileName(file)));
        var rnnGan = Directory.CreateDirectory(Path.Combine(root, "rnn-gan")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedRnnGanId))) File.Copy(file, Path.Combine(rnnGan, Path.GetFileName(file)));
        // The shipped refine nets, which Humanize uses and the Model list leaves out.
        foreach (var net in new[] { RefineDurationId, RefineVelocityId })
        {
            var netFolder = Directory.CreateDirectory(Path.Combine(root, net)).FullName;
            foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", net))) File.Copy(file, Path.Combine(netFolder, Path.GetFileName(file)));
        }
        var seqGan = Directory.CreateDirectory(Path.Combine(root, "seqgan")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedSeqGanId))) File.Copy(file, Path.Combine(seqGan, Path.GetFileName(file)));
        var seqAe = Directory.CreateDirectory(Path.Combine(root, "seq-ae")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedSeqAeId))) File.Copy(file, Path.Combine(seqAe, Path.GetFileName(file)));
        var dcgan = Directory.CreateDirectory(Path.Combine(root, "dcgan")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedDcganId))) File.Copy(file, Path.Combine(dcgan, Path.GetFileName(file)));
        var dcrnn = Directory.CreateDirectory(Path.Combine(root, "dcrnn")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedDcrnnId))) File.Copy(file, Path.Combine(dcrnn, Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedPix2PixId))) File.Copy(file, Path.Combine(Directory.CreateDirectory(Path.Combine(root, "pix2pix")).FullName, Path.GetFileName(file)));
        var wganGp = Directory.CreateDirectory(Path.Combine(root, "wgan-gp")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", ShippedWganGpId))) File.Copy(file, Path.Combine(wganGp, Path.GetFileName(file)));
        // Two broken copies of it: seed.wav cut off inside its header, and the note model in place of the frame model.
        var badSeed = CopyAudioPreset(audio, Path.Combine(root, "audio-bad-seed"), AudioBadSeedId, "D Truncated Seed");
        File.WriteAllBytes(Path.Combine(badSeed, "seed.wav"), File.ReadAllBytes(Path.Combine(audio, "seed.wav"))[..30]);
        var wrongModel = CopyAudioPreset(audio, Path.Combine(root, "audio-wrong-model"), AudioWrongModelId, "E Note Model As Audio");
        File.Copy(Path.Combine(good, Preset.ModelFileName), Path.Combine(wrongModel, Preset.ModelFileName), overwrite: true);

        Environment.SetEnvironmentVariable(PresetCatalog.EnvironmentVariable, root);
        PresetCatalog.Rescan();
        return root;
    }

    private static string CopyAudioPreset(string from, string to, string id, string name)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        var manifestPath = Path.Combine(to, Preset.ManifestFileName);
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["id"] = id;
        manifest["displayName"] = name;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        return to;
    }

    private static ModelManifest Manifest(string id, string name, string tokenInput)
    {
        var v = Encoding.VocabularySize;
        return new ModelManifest
        {
            Id = id,
            DisplayName = name,
            Family = EventRnnFamily.Conditional,
            Representation = Representations.PerformanceEvents,
            Vocabulary = new ManifestVocabulary
            {
                Size = v,
                Encoding = new ManifestEncodingReference
                {
                    Name = EncodingName,
                    Options = new Dictionary<string, JsonElement>
                    {
                        ["minPitch"] = JsonSerializer.SerializeToElement(EncodingOptions.MinPitch),
                        ["maxPitch"] = JsonSerializer.SerializeToElement(EncodingOptions.MaxPitch),
                        ["maxShiftSteps"] = JsonSerializer.SerializeToElement(EncodingOptions.MaxShiftSteps),
                        ["velocityBins"] = JsonSerializer.SerializeToElement(EncodingOptions.VelocityBins),
                    },
                },
            },
            Timing = new ManifestTiming { SecondsPerStep = EncodingOptions.StepSeconds },
            Io = new ManifestIo
            {
                TokenInput = new ManifestTensor { Name = tokenInput, ElementType = "int64", Shape = [1, 1] },
                LogitsOutput = new ManifestTensor { Name = "logits", ElementType = "float", Shape = [1, v] },
            },
            State =
            [
                new ManifestStatePair { Input = "h0", Output = "hn", Shape = [1, 1, 16] },
                new ManifestStatePair { Input = "c0", Output = "cn", Shape = [1, 1, 16] },
            ],
            Conditioning = [Energy],
        };
    }
}
