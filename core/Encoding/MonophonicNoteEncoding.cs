using Euterpe.Core.Music;

namespace Euterpe.Core.Encoding;

/// <summary>
/// Melody tokens: each note (or rest) is a pitch and a duration from a fixed list of lengths in grid steps.
/// Two forms: a pair of indices per event (<see cref="EncodePairs"/>), or one joint token
/// <c>pitchToken × DurationCount + durationToken</c> over (pitches + 1 rest) × durations (<see cref="Encode"/>).
/// <para>
/// Encoding first reduces the sequence to one voice (skyline: at each onset the highest pitch wins and cuts the
/// sounding note), snaps times to the step grid, then writes each note with the longest vocabulary duration not
/// longer than it (the shortest if none fits), and fills the rest of the time until the next onset with rests,
/// largest durations first. A monophonic melody on the grid whose note lengths are in the vocabulary (and whose
/// gaps can be summed from it) round-trips exactly, except that velocities become <see cref="Velocity"/>.
/// </para>
/// </summary>
public sealed class MonophonicNoteEncoding
{
    /// <summary>Sixteenth, eighth, dotted eighth, quarter, dotted quarter, half, dotted half, whole (at 4 steps per beat).</summary>
    public static readonly int[] DefaultDurations = [1, 2, 3, 4, 6, 8, 12, 16];

    private readonly int[] _durations;

    public MonophonicNoteEncoding(int minPitch = 36, int maxPitch = 96, int stepsPerBeat = 4, IReadOnlyList<int>? durationSteps = null, int velocity = 100)
    {
        if (minPitch < 0 || maxPitch > 127 || minPitch > maxPitch) throw new ArgumentOutOfRangeException(nameof(minPitch), $"pitch range {minPitch}..{maxPitch} is not inside 0..127");
        if (stepsPerBeat < 1) throw new ArgumentOutOfRangeException(nameof(stepsPerBeat), "steps per beat must be positive");
        if (velocity is < 1 or > 127) throw new ArgumentOutOfRangeException(nameof(velocity), "velocity must be 1..127");
        _durations = [.. (durationSteps ?? DefaultDurations).Distinct().Order()];
        if (_durations.Length == 0 || _durations[0] < 1) throw new ArgumentOutOfRangeException(nameof(durationSteps), "durations must be positive step counts");
        MinPitch = minPitch;
        MaxPitch = maxPitch;
        StepsPerBeat = stepsPerBeat;
        Velocity = velocity;
    }

    public int MinPitch { get; }

    public int MaxPitch { get; }

    public int StepsPerBeat { get; }

    /// <summary>Velocity of decoded notes.</summary>
    public int Velocity { get; }

    /// <summary>Duration vocabulary in steps, ascending.</summary>
    public IReadOnlyList<int> DurationSteps => _durations;

    public int DurationCount => _durations.Length;

    /// <summary>Pitch tokens: one per pitch, plus the rest.</summary>
    public int PitchVocabularySize => MaxPitch - MinPitch + 2;

    public int RestPitchToken => MaxPitch - MinPitch + 1;

    public int JointVocabularySize => PitchVocabularySize * DurationCount;

    public int ToJoint(MonophonicToken t) => t.PitchToken * DurationCount + t.DurationToken;

    public MonophonicToken FromJoint(int token)
    {
        if ((uint)token >= (uint)JointVocabularySize) throw new EuterpeException($"tokens: token {token} is outside the melody vocabulary of {JointVocabularySize}");
        return new MonophonicToken(token / DurationCount, token % DurationCount);
    }

    /// <summary>
    /// Plays a pitch token for a duration token on the grid: the note starts at <paramref name="steps"/> (grid steps
    /// from the start) and <paramref name="steps"/> moves on by the duration. Writes a note-on and its note-off at
    /// <see cref="Velocity"/> into <paramref name="output"/> (times in beats), or nothing for a rest; returns how many.
    /// </summary>
    public int Play(int pitchToken, int durationToken, ref long steps, Span<Generation.ModelNoteEvent> output)
    {
        var start = steps / (double)StepsPerBeat;
        steps += _durations[durationToken];
        if (pitchToken == RestPitchToken) return 0;
        var midiPitch = MinPitch + pitchToken;
        output[0] = new Generation.ModelNoteEvent(true, midiPitch, Velocity, start);
        output[1] = new Generation.ModelNoteEvent(false, midiPitch, 0, steps / (double)StepsPerBeat);
        return 2;
    }

    /// <summary>Name of a joint token, e.g. "60_4" (pitch 60 for 4 steps) or "REST_2".</summary>
    public string TokenName(int token)
    {
        var t = FromJoint(token);
        var pitch = t.PitchToken == RestPitchToken ? "REST" : (MinPitch + t.PitchToken).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{pitch}_{_durations[t.DurationToken]}";
    }

    public int[] Encode(NoteSequence sequence) => [.. EncodePairs(sequence).Select(ToJoint)];

    public MonophonicToken[] EncodePairs(NoteSequence sequence) => EncodePairs(sequence, velocities: null);

    /// <summary>The velocity of each event <see cref="EncodePairs(NoteSequence)"/> writes (its note's velocity; 0 for a rest).</summary>
    public int[] Velocities(NoteSequence sequence)
    {
        var velocities = new List<int>();
        EncodePairs(sequence, velocities);
        return [.. velocities];
    }

    private MonophonicToken[] EncodePairs(NoteSequence sequence, List<int>? velocities)
    {
        var result = new List<MonophonicToken>();
        long now = 0;
        foreach (var (note, start, end) in Skyline(sequence))
        {
            if (start < now) continue; // swallowed by the longest-duration fallback of the previous note
            AddRests(result, start - now);
            var d = LongestNotAbove(end - start);
            result.Add(new MonophonicToken(note.Pitch - MinPitch, d));
            velocities?.AddRange(Enumerable.Repeat(0, result.Count - 1 - velocities.Count));
            velocities?.Add(note.Velocity);
            now = start + _durations[d];
        }
        return [.. result];
    }

    /// <summary>
    /// The one voice <see cref="Encode"/> writes, as notes: the skyline on the step grid before its durations are
    /// fitted to the vocabulary. Each note keeps the winning note's velocity, channel, program and track; the
    /// sequence keeps the source's ticks, tempo map, time and key signatures and title (no controllers).
    /// </summary>
    public NoteSequence Melody(NoteSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var ticksPerStep = (double)sequence.TicksPerQuarter / StepsPerBeat;
        var melody = new NoteSequence(sequence.TicksPerQuarter, sequence.TempoMap) { Title = sequence.Title };
        melody.TimeSignatures.AddRange(sequence.TimeSignatures);
        melody.KeySignatures.AddRange(sequence.KeySignatures);
        foreach (var (note, start, end) in Skyline(sequence))
            melody.Notes.Add(SequenceCopy.Retime(melody, note, (long)Math.Round(start * ticksPerStep), (long)Math.Round(end * ticksPerStep)));
        return melody;
    }

    /// <summary>
    /// Pitched notes in range snapped to the step grid; per onset step the highest pitch wins and lasts until its end
    /// or the next onset. In onset order, times in steps.
    /// </summary>
    private List<(Note Note, long Start, long End)> Skyline(NoteSequence sequence)
    {
        var ticksPerStep = (double)sequence.TicksPerQuarter / StepsPerBeat;
        var onsets = new SortedDictionary<long, (Note Note, long End)>();
        foreach (var n in sequence.Notes)
        {
            if (n.IsDrum || n.Pitch < MinPitch || n.Pitch > MaxPitch) continue;
            var start = Math.Max(0, (long)Math.Round(n.StartTick / ticksPerStep));
            var end = Math.Max(start + 1, (long)Math.Round(n.EndTick / ticksPerStep));
            if (!onsets.TryGetValue(start, out var existing) || n.Pitch > existing.Note.Pitch) onsets[start] = (n, end);
        }
        var list = onsets.ToList();
        var voice = new List<(Note, long, long)>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var (start, (note, end)) = (list[i].Key, list[i].Value);
            if (i + 1 < list.Count) end = Math.Min(end, list[i + 1].Key);
            voice.Add((note, start, end));
        }
        return voice;
    }

    public NoteSequence Decode(ReadOnlySpan<int> tokens, int ticksPerQuarter = NoteSequence.DefaultTicksPerQuarter)
    {
        var pairs = new MonophonicToken[tokens.Length];
        for (var i = 0; i < tokens.Length; i++) pairs[i] = FromJoint(tokens[i]);
        return DecodePairs(pairs, ticksPerQuarter);
    }

    public NoteSequence DecodePairs(ReadOnlySpan<MonophonicToken> tokens, int ticksPerQuarter = NoteSequence.DefaultTicksPerQuarter)
    {
        var seq = new NoteSequence(ticksPerQuarter);
        var ticksPerStep = (double)ticksPerQuarter / StepsPerBeat;
        long step = 0;
        foreach (var t in tokens)
        {
            if ((uint)t.PitchToken >= (uint)PitchVocabularySize || (uint)t.DurationToken >= (uint)DurationCount)
                throw new EuterpeException($"tokens: melody token ({t.PitchToken}, {t.DurationToken}) is outside the vocabulary");
            var end = step + _durations[t.DurationToken];
            if (t.PitchToken != RestPitchToken)
                seq.AddNote(MinPitch + t.PitchToken, Velocity, (long)Math.Round(step * ticksPerStep), (long)Math.Round(end * ticksPerStep));
            step = end;
        }
        return seq;
    }

    /// <summary>The index of the longest duration not longer than <paramref name="steps"/> (the shortest if none fits).</summary>
    public int LongestNotAbove(long steps)
    {
        var best = 0;
        for (var i = 0; i < _durations.Length; i++) if (_durations[i] <= steps) best = i;
        return best;
    }

    private void AddRests(List<MonophonicToken> result, long steps)
    {
        // Largest first; a remainder shorter than the shortest duration is dropped (the next note starts early).
        for (var i = _durations.Length - 1; i >= 0 && steps > 0; i--)
        {
            while (steps >= _durations[i])
            {
                result.Add(new MonophonicToken(RestPitchToken, i));
                steps -= _durations[i];
            }
        }
    }
}
