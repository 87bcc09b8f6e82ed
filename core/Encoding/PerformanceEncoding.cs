using Euterpe.Core.Music;

namespace Euterpe.Core.Encoding;

/// <summary>
/// Performance-RNN event vocabulary (note-seq's PerformanceOneHotEncoding layout): token ids run
/// NOTE_ON for each pitch, then NOTE_OFF for each pitch, then TIME_SHIFT 1…max steps, then VELOCITY 1…bins.
/// <para>
/// Round trip: <c>Decode(Encode(x))</c> equals <see cref="Quantize"/>(x): times rounded to the step, velocities
/// to their bin's lowest velocity, notes outside the pitch range (and drums unless included) dropped, a note
/// shorter than half a step lengthened to one step, and everything on track 0, channel 0, program 0.
/// </para>
/// <para>
/// Overlapping notes of the same pitch cannot be told apart by NOTE_ON/NOTE_OFF pairs, so the encoder
/// resolves them the way a MIDI synth would hear them: a new onset of a sounding pitch ends the earlier note
/// at that onset (NOTE_OFF then NOTE_ON at the same time). Two notes of one pitch starting on the same step
/// become one note, the one that lasts longer. The decoder applies the same rule: NOTE_ON of a sounding
/// pitch ends it first; NOTE_OFF of a silent pitch is ignored; notes still sounding at the end are ended there.
/// </para>
/// </summary>
public sealed class PerformanceEncoding
{
    private readonly int _velocityBinSize;

    public PerformanceEncoding(PerformanceEncodingOptions? options = null)
    {
        Options = options ?? new PerformanceEncodingOptions();
        Options.Validate();
        PitchCount = Options.MaxPitch - Options.MinPitch + 1;
        NoteOffOffset = PitchCount;
        TimeShiftOffset = 2 * PitchCount;
        VelocityOffset = TimeShiftOffset + Options.MaxShiftSteps;
        VocabularySize = VelocityOffset + Options.VelocityBins;
        _velocityBinSize = Options.VelocityBins == 0 ? 127 : (127 + Options.VelocityBins - 1) / Options.VelocityBins;
    }

    public PerformanceEncodingOptions Options { get; }

    public int PitchCount { get; }

    public int VocabularySize { get; }

    /// <summary>First NOTE_OFF token id (NOTE_ON tokens start at 0).</summary>
    public int NoteOffOffset { get; }

    /// <summary>Id of TIME_SHIFT_1.</summary>
    public int TimeShiftOffset { get; }

    /// <summary>Id of VELOCITY_1.</summary>
    public int VelocityOffset { get; }

    /// <summary>Velocity bin (1…bins) of a MIDI velocity; velocities below 1 count as 1.</summary>
    public int VelocityToBin(int velocity) => (Math.Clamp(velocity, 1, 127) - 1) / _velocityBinSize + 1;

    /// <summary>The velocity a bin decodes to: the lowest velocity of the bin.</summary>
    public int BinToVelocity(int bin) => 1 + (bin - 1) * _velocityBinSize;

    /// <summary>The velocity a note comes back with after a round trip.</summary>
    public int QuantizeVelocity(int velocity) => Options.VelocityBins == 0 ? Options.DefaultVelocity : BinToVelocity(VelocityToBin(velocity));

    public bool IsValidToken(int token) => (uint)token < (uint)VocabularySize;

    public int EventToToken(PerformanceEvent e)
    {
        var (offset, min, max) = e.Type switch
        {
            PerformanceEventType.NoteOn => (0, Options.MinPitch, Options.MaxPitch),
            PerformanceEventType.NoteOff => (NoteOffOffset, Options.MinPitch, Options.MaxPitch),
            PerformanceEventType.TimeShift => (TimeShiftOffset, 1, Options.MaxShiftSteps),
            _ => (VelocityOffset, 1, Options.VelocityBins),
        };
        if (e.Value < min || e.Value > max) throw new ArgumentOutOfRangeException(nameof(e), $"{e} is outside the vocabulary");
        return offset + e.Value - min;
    }

    public PerformanceEvent TokenToEvent(int token)
    {
        if (!IsValidToken(token)) throw new EuterpeException($"tokens: token {token} is outside the performance vocabulary of {VocabularySize}");
        if (token < NoteOffOffset) return PerformanceEvent.NoteOn(Options.MinPitch + token);
        if (token < TimeShiftOffset) return PerformanceEvent.NoteOff(Options.MinPitch + token - NoteOffOffset);
        if (token < VelocityOffset) return PerformanceEvent.TimeShift(1 + token - TimeShiftOffset);
        return PerformanceEvent.Velocity(1 + token - VelocityOffset);
    }

    /// <summary>Name of a token, e.g. NOTE_ON_60, NOTE_OFF_60, TIME_SHIFT_10, VELOCITY_5.</summary>
    public string TokenName(int token) => TokenToEvent(token).ToString();

    /// <summary>Parses a name written by <see cref="TokenName"/>.</summary>
    public bool TryParseTokenName(string name, out int token)
    {
        token = -1;
        ReadOnlySpan<(string Prefix, PerformanceEventType Type)> kinds =
        [
            ("NOTE_ON_", PerformanceEventType.NoteOn), ("NOTE_OFF_", PerformanceEventType.NoteOff),
            ("TIME_SHIFT_", PerformanceEventType.TimeShift), ("VELOCITY_", PerformanceEventType.Velocity),
        ];
        foreach (var (prefix, type) in kinds)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (!int.TryParse(name.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, null, out var value)) return false;
            var min = type is PerformanceEventType.NoteOn or PerformanceEventType.NoteOff ? Options.MinPitch : 1;
            var max = type switch
            {
                PerformanceEventType.TimeShift => Options.MaxShiftSteps,
                PerformanceEventType.Velocity => Options.VelocityBins,
                _ => Options.MaxPitch,
            };
            if (value < min || value > max) return false;
            token = EventToToken(new PerformanceEvent(type, value));
            return true;
        }
        return false;
    }

    public int[] Encode(NoteSequence sequence) => Encode(sequence, null);

    /// <summary>
    /// Encodes and also gives the time (seconds) at which each token takes effect — e.g. to compute
    /// <see cref="ConditioningFeatures"/> for the window a training example covers.
    /// </summary>
    public (int[] Tokens, double[] Seconds) EncodeTimed(NoteSequence sequence)
    {
        var seconds = new List<double>();
        var tokens = Encode(sequence, seconds);
        return (tokens, [.. seconds]);
    }

    private int[] Encode(NoteSequence sequence, List<double>? tokenSeconds)
    {
        var notes = QuantizedNotes(sequence);
        // Every note gives an off and an on; sort so that at one step offs come before ons (a re-attack
        // ends the old note first), and within a kind by pitch, so the output does not depend on input order.
        var events = new List<(long Step, int Kind, int Pitch, int Velocity)>(notes.Count * 2);
        foreach (var n in notes)
        {
            events.Add((n.Start, 1, n.Pitch, n.Velocity));
            events.Add((n.End, 0, n.Pitch, n.Velocity));
        }
        events.Sort();

        var tokens = new List<int>(events.Count * 2);
        long now = 0;
        var currentBin = -1;
        foreach (var (step, kind, pitch, velocity) in events)
        {
            for (var gap = step - now; gap > 0; gap -= Options.MaxShiftSteps)
            {
                var shift = (int)Math.Min(gap, Options.MaxShiftSteps);
                tokens.Add(TimeShiftOffset + shift - 1);
                tokenSeconds?.Add((step - gap + shift) * Options.StepSeconds);
            }
            now = step;
            if (kind == 0)
            {
                tokens.Add(NoteOffOffset + pitch - Options.MinPitch);
                tokenSeconds?.Add(step * Options.StepSeconds);
                continue;
            }
            if (Options.VelocityBins > 0)
            {
                var bin = VelocityToBin(velocity);
                if (bin != currentBin)
                {
                    tokens.Add(VelocityOffset + bin - 1);
                    tokenSeconds?.Add(step * Options.StepSeconds);
                }
                currentBin = bin;
            }
            tokens.Add(pitch - Options.MinPitch);
            tokenSeconds?.Add(step * Options.StepSeconds);
        }
        return [.. tokens];
    }

    /// <param name="maxNoteSeconds">End notes after this long (generation: <see cref="PerformanceStreamDecoder.GenerationMaxNoteSeconds"/>); null decodes exactly.</param>
    public NoteSequence Decode(ReadOnlySpan<int> tokens, double? maxNoteSeconds = null)
    {
        var result = new NoteSequence();
        var decoder = new PerformanceStreamDecoder(this, maxNoteSeconds);
        Span<double> startSeconds = stackalloc double[128];
        Span<int> startVelocity = stackalloc int[128];
        Span<StreamedNoteEvent> buffer = stackalloc StreamedNoteEvent[PerformanceStreamDecoder.MaxEventsPerToken];
        foreach (var token in tokens) Handle(buffer[..decoder.Feed(token, buffer)], startSeconds, startVelocity);

        Span<StreamedNoteEvent> rest = stackalloc StreamedNoteEvent[128];
        Handle(rest[..decoder.Flush(rest)], startSeconds, startVelocity);
        result.Sort();
        return result;

        void Handle(ReadOnlySpan<StreamedNoteEvent> events, Span<double> starts, Span<int> velocities)
        {
            foreach (var e in events)
            {
                if (e.IsNoteOn)
                {
                    starts[e.Pitch] = e.Seconds;
                    velocities[e.Pitch] = e.Velocity;
                }
                else if (e.Seconds > starts[e.Pitch])
                {
                    result.AddNoteSeconds(e.Pitch, velocities[e.Pitch], starts[e.Pitch], e.Seconds);
                }
            }
        }
    }

    /// <summary>What <see cref="Decode"/> of <see cref="Encode"/> gives back for a sequence (see the class remarks).</summary>
    public NoteSequence Quantize(NoteSequence sequence)
    {
        var result = new NoteSequence();
        foreach (var n in QuantizedNotes(sequence))
            result.AddNoteSeconds(n.Pitch, n.Velocity, n.Start * Options.StepSeconds, n.End * Options.StepSeconds);
        result.Sort();
        return result;
    }

    private List<(int Pitch, int Velocity, long Start, long End)> QuantizedNotes(NoteSequence sequence)
    {
        var all = new List<(int Pitch, int Velocity, long Start, long End)>(sequence.Notes.Count);
        foreach (var n in sequence.Notes)
        {
            if (n.IsDrum && !Options.IncludeDrums) continue;
            if (n.Pitch < Options.MinPitch || n.Pitch > Options.MaxPitch) continue;
            var start = Math.Max(0, (long)Math.Round(n.StartSeconds / Options.StepSeconds));
            var end = Math.Max(start + 1, (long)Math.Round(n.EndSeconds / Options.StepSeconds));
            all.Add((n.Pitch, QuantizeVelocity(n.Velocity), start, end));
        }
        // Per pitch, by start, longest first: the first of a same-step group survives, and each note is
        // cut at the next onset of its pitch.
        all.Sort(static (a, b) =>
        {
            var c = a.Pitch.CompareTo(b.Pitch);
            if (c != 0) return c;
            c = a.Start.CompareTo(b.Start);
            return c != 0 ? c : b.End.CompareTo(a.End);
        });
        var kept = new List<(int Pitch, int Velocity, long Start, long End)>(all.Count);
        foreach (var n in all)
        {
            if (kept.Count > 0 && kept[^1].Pitch == n.Pitch)
            {
                var last = kept[^1];
                if (last.Start == n.Start) continue;
                if (last.End > n.Start) kept[^1] = last with { End = n.Start };
            }
            kept.Add(n);
        }
        return kept;
    }
}
