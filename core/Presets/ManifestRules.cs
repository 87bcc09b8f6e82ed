using Euterpe.Core.Generation;
using System.Text.RegularExpressions;
using Euterpe.Core.Text;

namespace Euterpe.Core.Presets;

/// <summary>Field-level checks of a manifest on its own (the model is checked by <see cref="ManifestModelCheck"/>).</summary>
internal static partial class ManifestRules
{
    public static void Check(ModelManifest m, string source)
    {
        var problem = FirstProblem(m);
        if (problem is not null) throw new EuterpeException($"{source}: {problem}");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    private static string? FirstProblem(ModelManifest m)
    {
        if (ManifestLimits.FormatVersion(m.FormatVersion, ModelManifest.CurrentFormatVersion) is { } version) return version;
        if (ManifestLimits.Name("\"id\"", m.Id) is { } idp) return idp;
        if (ManifestLimits.Name("\"displayName\"", m.DisplayName) is { } np) return np;
        if (ManifestLimits.Name("\"family\"", m.Family) is { } fp) return fp;
        if (!KebabCase().IsMatch(m.Family)) return $"family {UserText.Quote(m.Family)} is not a kebab-case name like \"event-rnn\"";
        if (ManifestLimits.Name("\"representation\"", m.Representation) is { } rp) return rp;
        if (!Representations.All.Contains(m.Representation))
            return $"representation {UserText.Quote(m.Representation)} is not one of {string.Join(", ", Representations.All)}";
        if (m.Io is null) return "missing \"io\"";
        if (!m.Io.Inputs().Any()) return "\"io\" names no input (tokenInput or frameInput)";
        if (!m.Io.Outputs().Any()) return "\"io\" names no output (logitsOutput or frameOutput)";
        foreach (var (role, tensor) in m.Io.Inputs().Concat(m.Io.Outputs()))
            if (TensorProblem($"io {role}", tensor.Name, tensor.ElementType, tensor.Shape) is { } p) return p;

        if (Representations.IsTokenBased(m.Representation) && m.Vocabulary is null)
            return $"representation \"{m.Representation}\" needs a \"vocabulary\"";
        if (m.Vocabulary is { } v && VocabularyProblem(v) is { } vp) return vp;
        if (m.Representation == Representations.FftFrames && m.Audio is null) return $"representation \"{m.Representation}\" needs \"audio\"";
        if (m.Audio is { } a && AudioProblem(a) is { } ap) return ap;
        if ((m.Io.LevelOutput is null) != (m.Audio?.Levels is null)) return "io levelOutput and audio levels come together: the logits and the classes they are over";
        if (m.Timing is { } t && TimingProblem(t) is { } tp) return tp;
        if (m.Representation == Representations.PianoRoll && m.PianoRoll is null) return $"representation \"{m.Representation}\" needs \"pianoRoll\"";
        if (m.PianoRoll is { } roll && PianoRollProblem(roll) is { } rollProblem) return rollProblem;

        // A null list or entry ("state": null, "state": [null]) is a broken manifest, not a crash later.
        if (m.State is null) return "state is null (a list of state pairs, [] for none)";
        if (m.Conditioning is null) return "conditioning is null (a list of inputs, [] for none)";
        if (m.State.Count > ManifestLimits.MaxTensors) return $"{m.State.Count} state pairs (at most {ManifestLimits.MaxTensors})";
        if (m.Conditioning.Count > ManifestLimits.MaxTensors) return $"{m.Conditioning.Count} conditioning inputs (at most {ManifestLimits.MaxTensors})";
        for (var i = 0; i < m.State.Count; i++)
            if (m.State[i] is null) return $"state[{i}] is null";
        for (var i = 0; i < m.Conditioning.Count; i++)
            if (m.Conditioning[i] is null) return $"conditioning[{i}] is null";
        foreach (var s in m.State)
        {
            if (TensorProblem("state input", s.Input, s.ElementType, s.Shape) is { } p) return p;
            if (TensorProblem("state output", s.Output, s.ElementType, s.Shape) is { } q) return q;
        }
        foreach (var c in m.Conditioning)
        {
            if (TensorProblem("conditioning input", c.Name, c.ElementType, c.Shape) is { } p) return p;
            var input = $"conditioning input {UserText.Quote(c.Name)}";
            if (ManifestLimits.Name($"{input} displayName", c.DisplayName) is { } dp) return dp;
            var bound = ManifestLimits.MaxConditioningMagnitude;
            if ((ManifestLimits.Outside($"{input}: min", c.Min, -bound, bound) ?? ManifestLimits.Outside($"{input}: max", c.Max, -bound, bound)) is { } mp) return mp;
            if (!(c.Min < c.Max)) return $"{input}: min {ManifestLimits.Number(c.Min)} must be below max {ManifestLimits.Number(c.Max)}";
            if (ManifestLimits.Outside($"{input}: default", c.Default, c.Min, c.Max) is { } defaultProblem) return defaultProblem;
        }

        // One model tensor cannot play two roles.
        var fedInputs = m.Io.Inputs().Select(x => x.Tensor.Name).Concat(m.State.Select(s => s.Input)).Concat(m.Conditioning.Select(c => c.Name));
        if (fedInputs.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dupIn)
            return $"input {UserText.Quote(dupIn.Key)} is named more than once across io, state and conditioning";
        var readOutputs = m.Io.Outputs().Select(x => x.Tensor.Name).Concat(m.State.Select(s => s.Output));
        if (readOutputs.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dupOut)
            return $"output {UserText.Quote(dupOut.Key)} is named more than once across io and state";
        return null;
    }

    private static string? TensorProblem(string what, string name, string elementType, long[]? shape)
    {
        if (string.IsNullOrWhiteSpace(name)) return $"{what} has no name";
        if (ManifestLimits.Name($"{what} name", name) is { } np) return np;
        var tensor = $"{what} {UserText.Quote(name)}";
        if (!ManifestElementTypes.TryParse(elementType, out _)) return $"{tensor}: unknown element type {UserText.Quote(elementType)}";
        if (shape is null) return null;
        var text = string.Join(",", shape.Take(ManifestLimits.MaxRank + 1));
        if (shape.Length > ManifestLimits.MaxRank) return $"{tensor}: shape of rank {shape.Length} (at most {ManifestLimits.MaxRank})";
        // A known dimension is allocated (state and conditioning start as tensors of this shape): bound it and the product.
        if (shape.Any(d => d is 0 or < -1 or > ManifestLimits.MaxDimension))
            return $"{tensor}: shape [{text}] has a dimension outside 1…{ManifestLimits.MaxDimension} (or -1 for any)";
        var elements = shape.Where(d => d > 0).Aggregate(1.0, (a, d) => a * d);
        if (elements > ManifestLimits.MaxTensorElements) return $"{tensor}: shape [{text}] holds more than {ManifestLimits.MaxTensorElements} elements";
        return null;
    }

    private static string? VocabularyProblem(ManifestVocabulary v)
    {
        if (ManifestLimits.Outside("vocabulary size", v.Size, 1, ManifestLimits.MaxVocabulary) is { } sp) return sp;
        if (v.Tokens is null && v.Encoding is null) return "vocabulary needs \"tokens\" or an \"encoding\"";
        if (v.Tokens is { } tokens)
        {
            if (tokens.Count != v.Size) return $"vocabulary lists {tokens.Count} tokens but its size is {v.Size}";
            if (tokens.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup)
                return $"vocabulary token {UserText.Quote(dup.Key)} appears more than once";
        }
        if (v.Encoding is { } e && string.IsNullOrWhiteSpace(e.Name)) return "vocabulary encoding has no name";
        return null;
    }

    private static string? AudioProblem(ManifestAudio a)
    {
        if (ManifestLimits.Outside("audio sampleRate", a.SampleRate, ManifestLimits.MinSampleRate, ManifestLimits.MaxSampleRate) is { } rp) return rp;
        if (a.FrameLayout is not ("gruv" or "stft")) return $"audio frameLayout {UserText.Quote(a.FrameLayout)} must be \"gruv\" or \"stft\"";
        if (ManifestLimits.Outside("audio frameSize", a.FrameSize, ManifestLimits.MinFrameSize, ManifestLimits.MaxFrameSize) is { } fp) return fp;
        if (ManifestLimits.Outside("audio hop", a.Hop, 1, a.FrameSize) is { } hp) return hp;
        if (a.Levels is { } l)
        {
            if (ManifestLimits.Outside("audio levels bins", l.Bins, 2, 1024) is { } bp) return bp;
            if (!(l.LowDb is >= -400 and <= 400)) return $"audio levels lowDb {ManifestLimits.Number(l.LowDb)} must be within −400…400";
            if (!(l.StepDb is > 0 and <= 100)) return $"audio levels stepDb {ManifestLimits.Number(l.StepDb)} must be above 0 and at most 100";
        }
        return null;
    }

    private static string? PianoRollProblem(ManifestPianoRoll r)
    {
        if (ManifestLimits.Outside("pianoRoll stepsPerBeat", r.StepsPerBeat, 1, 96) is { } sp) return sp;
        if (ManifestLimits.Outside("pianoRoll beatsPerClip", r.BeatsPerClip, 1, 64) is { } bp) return bp;
        if (ManifestLimits.Outside("pianoRoll pitches", r.Pitches, 1, 128) is { } pp) return pp;
        if (ManifestLimits.Outside("pianoRoll lowestPitch", r.LowestPitch, 0, 128 - r.Pitches) is { } lp) return lp;
        if (!(r.MaxValue > 0 && r.MaxValue <= 100)) return $"pianoRoll maxValue {ManifestLimits.Number(r.MaxValue)} must be above 0 and at most 100";
        if (!(r.Threshold > 0 && r.Threshold < r.MaxValue)) return $"pianoRoll threshold {ManifestLimits.Number(r.Threshold)} must be above 0 and below maxValue";
        if (ManifestLimits.Outside("pianoRoll latent", r.Latent, 1, 4096) is { } zp) return zp;
        if (r.Tracks?.FirstOrDefault(t => t.Program is < 0 or > 127 || t.Channel is < 0 or > 15) is { } track)
            return $"pianoRoll track {UserText.Quote(track.Name)}: program {track.Program} must be 0…127 and channel {track.Channel} 0…15";
        if (r.Histograms is { } histograms)
        {
            if (histograms.Count > CorpusKeys.MaxPieces) return $"pianoRoll histograms: {histograms.Count} of them, at most {CorpusKeys.MaxPieces}";
            for (var i = 0; i < histograms.Count; i++)
                if (histograms[i] is not { Length: 12 } h || h.Any(v => !(v >= 0) || double.IsInfinity(v)) || !(h.Sum() > 0))
                    return $"pianoRoll histograms[{i}]: needs 12 finite values, none negative, not all 0";
        }
        return null;
    }

    private static string? TimingProblem(ManifestTiming t)
    {
        if (t.SecondsPerStep is { } s && ManifestLimits.Outside("timing secondsPerStep", s, ManifestLimits.MinSecondsPerStep, ManifestLimits.MaxSecondsPerStep) is { } sp) return sp;
        if (t.StepsPerBeat is { } b && ManifestLimits.Outside("timing stepsPerBeat", b, ManifestLimits.MinStepsPerBeat, ManifestLimits.MaxStepsPerBeat) is { } bp) return bp;
        if (t.FrameHopSamples is { } h && ManifestLimits.Outside("timing frameHopSamples", h, 1, ManifestLimits.MaxFrameSize) is { } hp) return hp;
        return null;
    }
}
