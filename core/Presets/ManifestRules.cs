using System.Text.RegularExpressions;

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
        if (m.FormatVersion < 1) return $"formatVersion {m.FormatVersion} is not valid (expected {ModelManifest.CurrentFormatVersion})";
        if (m.FormatVersion > ModelManifest.CurrentFormatVersion)
            return $"formatVersion {m.FormatVersion} is newer than this Euterpe reads ({ModelManifest.CurrentFormatVersion}); update Euterpe";
        if (string.IsNullOrWhiteSpace(m.Id)) return "missing \"id\"";
        if (string.IsNullOrWhiteSpace(m.DisplayName)) return "missing \"displayName\"";
        if (string.IsNullOrWhiteSpace(m.Family)) return "missing \"family\"";
        if (!KebabCase().IsMatch(m.Family)) return $"family \"{m.Family}\" is not a kebab-case name like \"event-rnn\"";
        if (string.IsNullOrWhiteSpace(m.Representation)) return "missing \"representation\"";
        if (!Representations.All.Contains(m.Representation))
            return $"representation \"{m.Representation}\" is not one of {string.Join(", ", Representations.All)}";
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
        if (m.Timing is { } t && TimingProblem(t) is { } tp) return tp;

        foreach (var s in m.State)
        {
            if (TensorProblem("state input", s.Input, s.ElementType, s.Shape) is { } p) return p;
            if (TensorProblem("state output", s.Output, s.ElementType, s.Shape) is { } q) return q;
        }
        foreach (var c in m.Conditioning)
        {
            if (TensorProblem("conditioning input", c.Name, c.ElementType, c.Shape) is { } p) return p;
            if (string.IsNullOrWhiteSpace(c.DisplayName)) return $"conditioning input \"{c.Name}\" has no displayName";
            if (!double.IsFinite(c.Min) || !double.IsFinite(c.Max) || !(c.Min < c.Max))
                return $"conditioning input \"{c.Name}\": min {c.Min} must be below max {c.Max}";
            if (!(c.Default >= c.Min && c.Default <= c.Max))
                return $"conditioning input \"{c.Name}\": default {c.Default} is outside [{c.Min}, {c.Max}]";
        }

        // One model tensor cannot play two roles.
        var fedInputs = m.Io.Inputs().Select(x => x.Tensor.Name).Concat(m.State.Select(s => s.Input)).Concat(m.Conditioning.Select(c => c.Name));
        if (fedInputs.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dupIn)
            return $"input \"{dupIn.Key}\" is named more than once across io, state and conditioning";
        var readOutputs = m.Io.Outputs().Select(x => x.Tensor.Name).Concat(m.State.Select(s => s.Output));
        if (readOutputs.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dupOut)
            return $"output \"{dupOut.Key}\" is named more than once across io and state";
        return null;
    }

    private static string? TensorProblem(string what, string name, string elementType, long[]? shape)
    {
        if (string.IsNullOrWhiteSpace(name)) return $"{what} has no name";
        if (!ManifestElementTypes.TryParse(elementType, out _)) return $"{what} \"{name}\": unknown element type \"{elementType}\"";
        if (shape is not null && shape.Any(d => d < -1)) return $"{what} \"{name}\": dimension below -1 in shape [{string.Join(",", shape)}]";
        return null;
    }

    private static string? VocabularyProblem(ManifestVocabulary v)
    {
        if (v.Size <= 0) return $"vocabulary size {v.Size} must be positive";
        if (v.Tokens is null && v.Encoding is null) return "vocabulary needs \"tokens\" or an \"encoding\"";
        if (v.Tokens is { } tokens)
        {
            if (tokens.Count != v.Size) return $"vocabulary lists {tokens.Count} tokens but its size is {v.Size}";
            if (tokens.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup)
                return $"vocabulary token \"{dup.Key}\" appears more than once";
        }
        if (v.Encoding is { } e && string.IsNullOrWhiteSpace(e.Name)) return "vocabulary encoding has no name";
        return null;
    }

    private static string? AudioProblem(ManifestAudio a)
    {
        if (a.SampleRate <= 0) return $"audio sampleRate {a.SampleRate} must be positive";
        if (a.FrameLayout is not ("gruv" or "stft")) return $"audio frameLayout \"{a.FrameLayout}\" must be \"gruv\" or \"stft\"";
        if (a.FrameSize <= 0) return $"audio frameSize {a.FrameSize} must be positive";
        if (a.Hop <= 0 || a.Hop > a.FrameSize) return $"audio hop {a.Hop} must be between 1 and frameSize {a.FrameSize}";
        return null;
    }

    private static string? TimingProblem(ManifestTiming t)
    {
        if (t.SecondsPerStep is { } s && !(s > 0 && double.IsFinite(s))) return $"timing secondsPerStep {s} must be positive";
        if (t.StepsPerBeat is { } b && !(b > 0 && double.IsFinite(b))) return $"timing stepsPerBeat {b} must be positive";
        if (t.FrameHopSamples is { } h && h <= 0) return $"timing frameHopSamples {h} must be positive";
        return null;
    }
}
