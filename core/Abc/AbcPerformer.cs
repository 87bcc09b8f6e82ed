using Euterpe.Core.Music;

namespace Euterpe.Core.Abc;

/// <summary>
/// Plays parsed voices out in time: repeats and first/second endings expanded, ties merged,
/// each voice a track starting at tick 0.
/// </summary>
internal static class AbcPerformer
{
    public const int Velocity = 90;

    /// <summary>
    /// The most elements a tune may play with repeats and parts expanded: a P: order such as "A999" over a long section
    /// would otherwise multiply a few megabytes of ABC into billions of notes.
    /// </summary>
    public const int MaxPlayedElements = 4_000_000;

    /// <param name="source">Names the file in the error a tune that plays too long raises.</param>
    /// <param name="line">The line that error names (the tune's last).</param>
    public static (NoteSequence Sequence, List<AbcChordSymbol> Chords) Perform(string source, int line,
        IReadOnlyList<AbcVoice> voices, TimeSignature? meter, KeySignature key, int? microsecondsPerQuarter, string? title, string? partOrder = null)
    {
        var played = 0L;
        const int ppq = NoteSequence.DefaultTicksPerQuarter;
        var notes = new List<(int Pitch, long Start, long End, AbcVoice Voice)>();
        var chords = new List<AbcChordSymbol>();
        var meters = new SortedDictionary<long, TimeSignature>();
        var keys = new SortedDictionary<long, KeySignature> { [0] = key };
        var tempos = new SortedDictionary<long, int>();
        if (meter is { } m) meters[0] = m;
        if (microsecondsPerQuarter is { } us) tempos[0] = us;

        foreach (var voice in voices)
        {
            var position = AbcFraction.Zero;
            var openTies = new Dictionary<int, int>(); // pitch → index in notes of the note a tie continues
            foreach (var e in ExpandParts(voice.Elements, partOrder))
            {
                if (++played > MaxPlayedElements)
                    throw new AbcFormatException(source, line, $"the tune plays more than {MaxPlayedElements / 1_000_000} million notes, rests and marks with its repeats and parts (P:) expanded");
                var tick = position.ToTicks(ppq);
                switch (e.Kind)
                {
                    case AbcElementKind.Note:
                        var end = (position + e.Duration).ToTicks(ppq);
                        var continued = new Dictionary<int, int>();
                        for (var k = 0; k < e.Pitches.Length; k++)
                        {
                            var pitch = e.Pitches[k];
                            int index;
                            if (openTies.TryGetValue(pitch, out index) && notes[index].End == tick)
                                notes[index] = notes[index] with { End = end };
                            else
                            {
                                index = notes.Count;
                                notes.Add((pitch, tick, end, voice));
                            }
                            if (e.Tied[k]) continued[pitch] = index;
                        }
                        openTies = continued;
                        position += e.Duration;
                        break;
                    case AbcElementKind.Rest:
                        openTies.Clear();
                        position += e.Duration;
                        break;
                    case AbcElementKind.ChordSymbol:
                        chords.Add(new AbcChordSymbol(tick, e.Text!, voice.Index));
                        break;
                    case AbcElementKind.Meter when voice.Index == 0:
                        meters[tick] = e.Meter with { Tick = tick };
                        break;
                    case AbcElementKind.Key when voice.Index == 0:
                        keys[tick] = e.Key with { Tick = tick };
                        break;
                    case AbcElementKind.Tempo:
                        tempos[tick] = e.MicrosecondsPerQuarter;
                        break;
                }
            }
        }

        var sequence = new NoteSequence(ppq, new TempoMap(ppq, tempos.Select(t => new TempoChange(t.Key, t.Value))))
        {
            Title = title,
        };
        sequence.TimeSignatures.AddRange(meters.Values);
        sequence.KeySignatures.AddRange(keys.Values);
        var channels = AssignChannels(voices);
        foreach (var voice in voices)
        {
            sequence.Tracks.Add(new TrackInfo(voice.Index, voice.Id.Length > 0 ? voice.Id : null));
            var channel = channels[voice.Index];
            if (voice.Program != 0 && channel != 9)
                sequence.ProgramChanges.Add(new ProgramChange(0, 0, channel, voice.Program, voice.Index));
        }
        foreach (var (pitch, start, end, voice) in notes)
        {
            if (end <= start) continue;
            var channel = channels[voice.Index];
            sequence.AddNote(pitch, Velocity, start, end, channel, voice.Program, channel == 9, voice.Index);
        }
        sequence.Sort();
        chords.Sort((a, b) => a.Tick != b.Tick ? a.Tick.CompareTo(b.Tick) : a.Voice.CompareTo(b.Voice));
        return (sequence, chords);
    }

    /// <summary>Voices with %%MIDI channel keep it; the others take free channels in order, never the drum channel 10.</summary>
    private static int[] AssignChannels(IReadOnlyList<AbcVoice> voices)
    {
        var result = new int[voices.Count];
        var used = voices.Where(v => v.Channel is not null).Select(v => v.Channel!.Value).ToHashSet();
        var next = 0;
        foreach (var voice in voices)
        {
            if (voice.Channel is { } c) { result[voice.Index] = c; continue; }
            while (next < 15 && (next == 9 || used.Contains(next))) next++;
            result[voice.Index] = next;
            used.Add(next);
        }
        return result;
    }

    /// <summary>
    /// With a header P: such as "(AB)3" or "ABAC", the body's P: sections played in that order (each with its repeats);
    /// without one, the body as written. Whatever precedes the first P: section is played once, first.
    /// </summary>
    internal static IEnumerable<AbcElement> ExpandParts(List<AbcElement> elements, string? partOrder)
    {
        var order = partOrder is null ? null : AbcPartOrder.Parse(partOrder);
        if (order is null || order.Count == 0 || !elements.Any(e => e.Kind == AbcElementKind.Part)) return Expand(elements);
        var sections = new Dictionary<string, List<AbcElement>>();
        var intro = new List<AbcElement>();
        var current = intro;
        foreach (var e in elements)
        {
            if (e.Kind == AbcElementKind.Part)
            {
                current = [];
                sections[e.Text!] = current;
            }
            else current.Add(e);
        }
        var played = Expand(intro);
        foreach (var label in order)
            if (sections.TryGetValue(label, out var section)) played = played.Concat(Expand(section));
        return played;
    }

    /// <summary>
    /// The elements in playing order: |: … :| played twice, [1 skipped on the second pass in favour of [2.
    /// Each :| sends the player back once, so the walk always ends.
    /// </summary>
    internal static IEnumerable<AbcElement> Expand(List<AbcElement> elements)
    {
        var repeatStart = 0;
        var pass = 1;
        var jumped = new HashSet<int>();
        var lastJump = -1;
        var i = 0;
        while (i < elements.Count)
        {
            var e = elements[i];
            switch (e.Kind)
            {
                case AbcElementKind.RepeatStart:
                    repeatStart = i + 1;
                    pass = 1;
                    i++;
                    break;
                case AbcElementKind.RepeatEnd when jumped.Add(i):
                    lastJump = Math.Max(lastJump, i);
                    pass = 2;
                    i = repeatStart;
                    break;
                case AbcElementKind.RepeatEnd:
                    pass = 1;
                    repeatStart = i + 1;
                    i++;
                    break;
                case AbcElementKind.Bar when e.IsDoubleBar && pass == 2 && i > lastJump:
                    pass = 1; // a section ends after its second ending; a later :| goes back to here
                    repeatStart = i + 1;
                    i++;
                    break;
                case AbcElementKind.Ending when !e.Endings.Contains(pass):
                    i = NextEndingFor(elements, i, pass);
                    break;
                default:
                    yield return e;
                    i++;
                    break;
            }
        }
    }

    /// <summary>Index of the ending marker for this pass after <paramref name="from"/>, or just past it when none comes before the next |:.</summary>
    private static int NextEndingFor(List<AbcElement> elements, int from, int pass)
    {
        for (var j = from + 1; j < elements.Count; j++)
        {
            if (elements[j].Kind == AbcElementKind.RepeatStart) break;
            if (elements[j].Kind == AbcElementKind.Ending && elements[j].Endings.Contains(pass)) return j;
        }
        return from + 1;
    }
}
