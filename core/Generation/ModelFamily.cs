using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Generation;

/// <summary>
/// A model family as players see it: which manifest "family" names it serves, what it makes, and how a preset of it
/// becomes its one generator. The instrument steps <see cref="OpenNotes"/> or <see cref="OpenAudio"/>; `generate` asks
/// <see cref="GenerateNotes"/> or <see cref="GenerateAudio"/>, which step the same generator. Registered in
/// core/Families/ModelFamilies. Every problem is one <c>FILE: problem</c> <see cref="EuterpeException"/>.
/// </summary>
public abstract class ModelFamily
{
    /// <summary>The manifest "family" values this family reads.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    public abstract GeneratedMedium Medium { get; }

    /// <summary>Parses and checks the family's manifest record from the preset's one read, without opening its model.</summary>
    public abstract void CheckManifest(Preset preset);

    /// <summary>The request's controls this family reads for <paramref name="preset"/>; `generate` refuses the others.</summary>
    public abstract GenerationControl Honours(Preset preset);

    /// <summary>The conditioning inputs the instrument offers as controls (none unless the family has them).</summary>
    public virtual IReadOnlyList<ConditioningInput> Conditioning(Preset preset) => [];

    public virtual INoteGenerator OpenNotes(Preset preset) =>
        throw new EuterpeException($"{preset.ManifestPath}: family \"{preset.Family}\" makes {Medium.ToString().ToLowerInvariant()}, not notes");

    public virtual IAudioGenerator OpenAudio(Preset preset, int windowFrames = 0) =>
        throw new EuterpeException($"{preset.ManifestPath}: family \"{preset.Family}\" makes {Medium.ToString().ToLowerInvariant()}, not audio");

    /// <summary>Notes for `generate`: the request's seconds of music from its seed (after its primer).</summary>
    public virtual NoteSequence GenerateNotes(Preset preset, GenerationRequest request) =>
        throw new EuterpeException($"{preset.ManifestPath}: family \"{preset.Family}\" makes {Medium.ToString().ToLowerInvariant()}, not notes");

    /// <summary>Whether the family writes ABC text itself (<see cref="GenerateAbc"/>): `generate --out X.abc`.</summary>
    public virtual bool WritesAbc => false;

    /// <summary>
    /// For a family that models ABC text: the notes of <see cref="GenerateNotes"/> and the text they were played from,
    /// as one ABC tune.
    /// </summary>
    public virtual (NoteSequence Notes, string Abc) GenerateAbc(Preset preset, GenerationRequest request) =>
        throw new EuterpeException($"{preset.ManifestPath}: family \"{preset.Family}\" does not write ABC text: name a .mid file");

    /// <summary>Audio for `generate`: the request's seconds at the generator's sample rate.</summary>
    public virtual float[] GenerateAudio(Preset preset, GenerationRequest request, out int sampleRate)
    {
        request.CheckSeconds();
        request.CheckTemperature();
        using var generator = OpenAudio(preset, request.WindowFrames);
        generator.Variation = request.Variation;
        generator.Temperature = request.Temperature;
        generator.Restart(request.Seed);
        sampleRate = generator.SampleRate;
        var total = (int)Math.Round(request.Seconds * sampleRate);
        var output = new float[total];
        var hop = new float[generator.HopLength];
        for (var at = 0; at < total; at += hop.Length)
        {
            generator.NextHop(hop);
            hop.AsSpan(0, Math.Min(hop.Length, total - at)).CopyTo(output.AsSpan(at));
        }
        return output;
    }

    /// <summary>Checks a preset as a load does (manifest, files, the model against its manifest), then closes it.</summary>
    public void Check(Preset preset)
    {
        if (Medium == GeneratedMedium.Notes) OpenNotes(preset).Dispose();
        else OpenAudio(preset).Dispose();
    }
}
