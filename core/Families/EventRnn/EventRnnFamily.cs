using System.Globalization;
using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;
using Euterpe.Core.Runtime;

namespace Euterpe.Core.Families.EventRnn;

/// <summary>
/// The event RNN (Performance RNN style; conditional or not) as players see it: a preset is model.onnx (one token step
/// with its LSTM state carried by the caller) and an ONNX manifest over performance events; its generator is
/// <see cref="EventRnnGenerator"/>. `generate` starts from the controls kept in the model's metadata (the corpus mean,
/// its histogram a training piece's drawn for the seed, or the corpus's profile in the primer's key), with --key and
/// --density applied.
/// </summary>
public sealed class EventRnnFamily : ModelFamily
{
    public const string Unconditional = "event-rnn";
    public const string Conditional = "conditional-event-rnn";

    /// <summary>ONNX metadata key holding the corpus-mean conditioning vector (14 comma-separated normalised values).</summary>
    public const string ConditioningMeanKey = "euterpe.conditioning.mean";

    /// <summary>
    /// ONNX metadata key holding the lowest and highest note density (onsets per second) of the training windows the
    /// conditional model saw, "MIN,MAX": the --density values it was trained on.
    /// </summary>
    public const string DensityRangeKey = "euterpe.conditioning.densityRange";

    /// <summary>
    /// ONNX metadata key holding the length in seconds few training notes exceed (their 99th percentile), past which the
    /// generator makes a held note likelier to end (<see cref="EventRnnGenerator.LongNoteSeconds"/>); absent in models
    /// exported before it was written.
    /// </summary>
    public const string LongNoteKey = "euterpe.sampling.longNoteSeconds";

    /// <summary>
    /// ONNX metadata keys holding the training corpus's keys (<see cref="CorpusKeys"/>): its pitch-class profile with
    /// every piece moved to C by its best-fitting major scale (12 comma-separated values), and each training piece's
    /// pitch-class histogram (such lists separated by semicolons); absent in models exported before they were written
    /// (then generation starts from the corpus mean).
    /// </summary>
    public const string KeyProfileKey = "euterpe.conditioning.keyProfile";

    /// <inheritdoc cref="KeyProfileKey"/>
    public const string PieceHistogramsKey = "euterpe.conditioning.pieceHistograms";

    /// <summary>
    /// The --density range of a model whose metadata has no <see cref="DensityRangeKey"/> (exported before it was
    /// written): 1 note per second up to <see cref="ConditioningFeatures.MaxNotesPerSecond"/>, the density its input
    /// scale maps to 1.
    /// </summary>
    public static readonly (double Min, double Max) FallbackDensityRange = (1, ConditioningFeatures.MaxNotesPerSecond);

    public static EventRnnFamily Instance { get; } = new();

    private EventRnnFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [Unconditional, Conditional];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override void CheckManifest(Preset preset) => _ = preset.OnnxManifest;

    public override IReadOnlyList<ConditioningInput> Conditioning(Preset preset) => preset.OnnxManifest.Conditioning;

    // Time is in seconds (the performance encoding's shifts), so there is no tempo to set; key and density steer only a
    // conditional model.
    public override GenerationControl Honours(Preset preset) => GenerationControl.Temperature | GenerationControl.Primer
        | (preset.OnnxManifest.Conditioning.Count > 0 ? GenerationControl.Density | GenerationControl.Key : GenerationControl.None);

    public override INoteGenerator OpenNotes(Preset preset) => Open(preset, out _);

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request)
    {
        request.CheckSeconds();
        var manifest = preset.OnnxManifest;
        if (manifest.Conditioning.Count == 0 && (request.Density is not null || request.Key is not null))
            throw new EuterpeException($"{preset.Folder}: --density and --key need a conditional model (this preset is {manifest.Family})");
        using var generator = Open(preset, out var densityRange);
        if (request.Density is { } density && !(density >= densityRange.Min && density <= densityRange.Max))
            throw new EuterpeException(FormattableString.Invariant(
                $"--density: {density} notes per second is outside the range this model was trained on ({densityRange.Min:0.##}…{densityRange.Max:0.##})"));
        generator.SetSampling(new SamplingOptions(request.Temperature));
        // The seed draws its key; a primer's own key wins over it, --key over both.
        generator.Reset(request.Seed);
        if (request.Primer is { Notes.Count: > 0 } primer) generator.SetHomeKey(PrimerTonic(primer));
        Controls(generator.HomeControls.ToArray(), request).CopyTo(generator.Conditioning);
        // The model is fed the density asked for, and held to it: the conditioning alone steers it only loosely.
        generator.HoldDensity(request.Density);
        var pairing = NotePairing.AfterPrimer(generator, request.Primer);
        // Whole steps of the encoding's clock, counted from where the primer ended.
        var stepSeconds = generator.Encoding.Options.StepSeconds;
        var steps = (long)Math.Ceiling(request.Seconds / stepSeconds);
        var end = generator.Time + steps * stepSeconds;
        var maxTokens = steps * 4 + 1000; // a model that never shifts time still stops
        Span<ModelNoteEvent> events = new ModelNoteEvent[generator.MaxEventsPerStep];
        for (long i = 0; i < maxTokens && generator.Time < end - 1e-9; i++)
        {
            var n = generator.Step(events);
            for (var k = 0; k < n; k++) pairing.Add(events[k]);
        }
        pairing.Close(generator.Time);
        var result = new NoteSequence();
        foreach (var note in pairing.Notes) result.AddNoteSeconds(note.Pitch, note.Velocity, note.Start, note.End);
        result.Sort();
        return result;
    }

    /// <summary>The model, its signature checked against the manifest, with what its metadata keeps of the corpus.</summary>
    private static EventRnnGenerator Open(Preset preset, out (double Min, double Max) densityRange)
    {
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.PerformanceEvents)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" (family \"{manifest.Family}\") is not {Representations.PerformanceEvents}");
        var encoding = TokenModelManifests.PerformanceEncoding(manifest, preset.ManifestPath);
        var (model, metadata) = TokenModelManifests.OpenStepModel(preset);
        try
        {
            if (model.VocabularySize != encoding.VocabularySize)
                throw new EuterpeException($"{preset.ModelPath}: the model has {model.VocabularySize} logits, the encoding {encoding.VocabularySize} tokens");
            densityRange = DensityRange(metadata);
            return new EventRnnGenerator(model, encoding, manifest.Conditioning.Count, CorpusMean(metadata, model.ConditioningSize), LongNote(metadata),
                CorpusKeys.Parse(metadata.Custom.GetValueOrDefault(KeyProfileKey), metadata.Custom.GetValueOrDefault(PieceHistogramsKey)));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The model's <see cref="ConditioningMeanKey"/> vector (zeros where absent or unreadable).</summary>
    public static float[] CorpusMean(ModelMetadata metadata, int size)
    {
        var values = new float[size];
        if (metadata.Custom.TryGetValue(ConditioningMeanKey, out var text))
        {
            var parts = text.Split(',');
            for (var i = 0; i < Math.Min(size, parts.Length); i++)
                values[i] = float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0f;
        }
        return values;
    }

    /// <summary>The model's <see cref="LongNoteKey"/>, or null (absent, unreadable or outside 0.05…60 s).</summary>
    private static double? LongNote(ModelMetadata metadata) =>
        metadata.Custom.TryGetValue(LongNoteKey, out var text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0.05 and <= 60
            ? seconds : null;

    /// <summary>The model's <see cref="DensityRangeKey"/>, else <see cref="FallbackDensityRange"/>.</summary>
    private static (double Min, double Max) DensityRange(ModelMetadata metadata)
    {
        if (metadata.Custom.TryGetValue(DensityRangeKey, out var text) && text.Split(',') is [var low, var high]
            && double.TryParse(low, NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            && double.TryParse(high, NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
            && min > 0 && max >= min && double.IsFinite(max))
            return (min, max);
        return FallbackDensityRange;
    }

    // The best-fitting major scale of the primer's notes, counted.
    private static int PrimerTonic(NoteSequence primer)
    {
        Span<double> classes = stackalloc double[12];
        classes.Clear();
        foreach (var n in primer.Notes)
            if (!n.IsDrum) classes[((n.Pitch % 12) + 12) % 12] += 1;
        return MusicalScale.BestMajorTonic(classes);
    }

    /// <summary>The seed's controls with --key and --density applied.</summary>
    private static float[] Controls(float[] mean, GenerationRequest request)
    {
        var values = (float[])mean.Clone();
        if (values.Length != ConditioningFeatures.Length) return values;
        if (request.Key is { } key)
        {
            var weights = KeyHistogram(key);
            var sum = weights.Sum();
            for (var i = 0; i < 12; i++) values[i] = weights[i] / sum;
        }
        if (request.Density is { } density)
        {
            if (!(density >= 0) || double.IsInfinity(density)) throw new EuterpeException($"--density: must be a number of notes per second ≥ 0 (got {density})");
            values[12] = (float)Math.Min(1.0, density / ConditioningFeatures.MaxNotesPerSecond);
        }
        return values;
    }

    private static readonly string[] Sharps = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
    private static readonly string[] Flats = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"];

    /// <summary>Equal weights on the seven pitch classes of a major or natural-minor scale, e.g. "C:major", "F#:minor".</summary>
    public static float[] KeyHistogram(string key)
    {
        var parts = key.Split(':');
        if (parts.Length != 2) throw new EuterpeException($"--key: expected TONIC:major or TONIC:minor such as C:major (got '{key}')");
        var tonic = Array.FindIndex(Sharps, s => string.Equals(s, parts[0], StringComparison.OrdinalIgnoreCase));
        if (tonic < 0) tonic = Array.FindIndex(Flats, s => string.Equals(s, parts[0], StringComparison.OrdinalIgnoreCase));
        var scale = parts[1].ToLowerInvariant() switch
        {
            "major" => MusicalScale.Major,
            "minor" => MusicalScale.NaturalMinor,
            _ => -1,
        };
        if (tonic < 0 || scale < 0) throw new EuterpeException($"--key: expected TONIC:major or TONIC:minor such as C:major (got '{key}')");
        var weights = new float[12];
        for (var pc = 0; pc < 12; pc++) weights[pc] = MusicalScale.Contains(scale, tonic, pc) ? 1f : 0f;
        return weights;
    }
}
