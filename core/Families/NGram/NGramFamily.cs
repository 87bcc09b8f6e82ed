using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// The n-gram melody model as players see it: a preset is model.json (pitch, duration and velocity n-gram tables, the
/// corpus's keys and phrase-repeat counts) and a manifest
/// whose provenance holds the note encoding; its generator is <see cref="NGramGenerator"/>. `generate` places its
/// beats at --tempo and cuts the last note at the requested length.
/// </summary>
public sealed class NGramFamily : ModelFamily
{
    public static NGramFamily Instance { get; } = new();

    private NGramFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [NGramNoteModel.Family];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override void CheckManifest(Preset preset) => NGramManifest.From(preset);

    // Tempo places its beats; it has no conditioning.
    public override GenerationControl Honours(Preset preset) => GenerationControl.Temperature | GenerationControl.Primer | GenerationControl.Tempo;

    public override INoteGenerator OpenNotes(Preset preset) => Open(preset);

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request)
    {
        request.CheckSeconds();
        request.CheckTemperature();
        if (!(request.Tempo >= 10 && request.Tempo <= 400)) throw new EuterpeException($"--tempo: {request.Tempo} bpm is not in 10..400");
        using var generator = Open(preset);
        var encoding = generator.Encoding;
        generator.SetSampling(new SamplingOptions(request.Temperature));
        generator.Reset(request.Seed);
        var pairing = NotePairing.AfterPrimer(generator, request.Primer);
        // Whole steps of the encoding's grid at the tempo, after the primer; the last note is cut there.
        var steps = (long)Math.Ceiling(request.Seconds * request.Tempo / 60 * encoding.StepsPerBeat);
        var endBeat = generator.Time + steps / (double)encoding.StepsPerBeat;
        Span<ModelNoteEvent> events = stackalloc ModelNoteEvent[generator.MaxEventsPerStep];
        while (generator.Time < endBeat)
        {
            var n = generator.Step(events);
            for (var k = 0; k < n; k++) pairing.Add(events[k]);
        }
        return pairing.InBeats(request.Tempo, endBeat);
    }

    /// <summary>The model file the manifest names, checked against the note encoding in its provenance.</summary>
    public static NGramGenerator Open(Preset preset)
    {
        var manifest = NGramManifest.From(preset);
        Encoding.MonophonicNoteEncoding encoding;
        try
        {
            encoding = manifest.Provenance.Encoding.Create();
        }
        catch (ArgumentException e)
        {
            throw new EuterpeException($"{preset.ManifestPath}: provenance.encoding: {e.Message}", inner: e);
        }
        var model = NGramNoteModel.Load(preset.FilePath(manifest.Model));
        if (model.Pitches.VocabularySize != encoding.PitchVocabularySize || model.Durations.VocabularySize != encoding.DurationCount)
            throw new EuterpeException($"{preset.ManifestPath}: the encoding has {encoding.PitchVocabularySize} pitch and {encoding.DurationCount} duration tokens, the model {model.Pitches.VocabularySize} and {model.Durations.VocabularySize}");
        return new NGramGenerator(model, encoding);
    }
}
