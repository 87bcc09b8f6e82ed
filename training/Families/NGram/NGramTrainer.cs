using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.NGram;
using Euterpe.Training.Data;

namespace Euterpe.Training.Families.NGram;

/// <summary>
/// Counts an <see cref="NGramNoteModel"/> over the melodies of a notes-encoded dataset and measures it on the held-out
/// files. Each melody is moved to C major by its best-fitting key (<see cref="MelodyKey"/>) before it is counted, and
/// its key, its phrase repeats and (when the pieces carry them) its velocities are counted too.
/// </summary>
public static class NGramTrainer
{
    /// <summary>
    /// The default of <c>--min-songs</c>: a pitch or duration context heard in only one training song is not used (it
    /// can only continue as that song did, so chains of them copy its riffs).
    /// </summary>
    public const int DefaultMinSongs = 2;

    public static (NGramNoteModel Model, NGramProvenance Provenance) Train(PreparedDataset data, int order, int minSongs = DefaultMinSongs)
    {
        if (data.Encoding != DataEncoding.Notes || data.Manifest.Notes is not { } settings)
            throw new EuterpeException($"{data.Manifest.Data}: the cache is encoded as {data.Manifest.Encoding}; the n-gram model needs melodies (prepare it with --encoding notes)");
        CheckOrder(order);
        CheckMinSongs(minSongs);
        if (data.Train.Count == 0) throw new EuterpeException($"{data.Manifest.Data}: no training pieces (every file was skipped or held out)");
        var encoding = settings.Create();
        var model = new NGramNoteModel(order, encoding.PitchVocabularySize, encoding.DurationCount);
        model.Pitches.MinDocuments = model.Durations.MinDocuments = minSongs;
        model.Pitches.CountSongs = minSongs > 1;
        long trainNotes = 0;
        var phrases = new NGramPhraseCounts(NGramPhraseCounts.DefaultBeats, 0, 0);
        foreach (var piece in data.Train)
        {
            var (pitches, durations) = Split(encoding, piece.Tokens);
            var tonic = ToC(encoding, pitches, durations);
            model.KeyCounts[tonic]++;
            model.Add(pitches, durations);
            if (piece.Velocities is { } velocities && velocities.Length == pitches.Length) AddVelocities(model, encoding, pitches, durations, velocities);
            var counts = CountPhrases(encoding, pitches, durations, NGramPhraseCounts.DefaultBeats);
            phrases = phrases with
            {
                Phrases = phrases.Phrases + counts.Phrases,
                Repeats = phrases.Repeats + counts.Repeats,
                Followed = phrases.Followed + counts.Followed,
                Continued = phrases.Continued + counts.Continued,
            };
            trainNotes += pitches.Length;
        }
        model.Phrases = phrases;
        var validation = data.Validation.Select(p => Split(encoding, p.Tokens)).ToList();
        foreach (var (pitches, durations) in validation) ToC(encoding, pitches, durations);
        var validationNotes = validation.Sum(v => (long)v.Pitches.Length);
        var provenance = new NGramProvenance
        {
            Data = data.Manifest.Data,
            Encoding = settings,
            Order = order,
            MinSongs = minSongs,
            Seed = data.Manifest.Seed,
            ValidationFraction = data.Manifest.ValidationFraction,
            TrainFiles = [.. data.Manifest.Files.Where(f => f.Split == "train").Select(f => f.Path)],
            ValidationFiles = [.. data.Manifest.Files.Where(f => f.Split == "validation").Select(f => f.Path)],
            TrainNotes = trainNotes,
            ValidationNotes = validationNotes,
            ValidationCrossEntropy = validationNotes > 0 ? model.CrossEntropy(validation) : null,
        };
        return (model, provenance);
    }

    /// <summary>Orders 1…8: beyond that the tables only memorise the training files.</summary>
    public static void CheckOrder(int order)
    {
        if (order is < 1 or > 8) throw new EuterpeException($"--order: {order} is not in 1..8");
    }

    public static void CheckMinSongs(int minSongs)
    {
        if (minSongs is < 1 or > 1000) throw new EuterpeException($"--min-songs: {minSongs} is not in 1..1000");
    }

    /// <summary>Joint melody tokens → parallel pitch and duration token arrays.</summary>
    public static (int[] Pitches, int[] Durations) Split(MonophonicNoteEncoding encoding, ReadOnlySpan<int> jointTokens)
    {
        var pitches = new int[jointTokens.Length];
        var durations = new int[jointTokens.Length];
        for (var i = 0; i < jointTokens.Length; i++)
        {
            var t = encoding.FromJoint(jointTokens[i]);
            pitches[i] = t.PitchToken;
            durations[i] = t.DurationToken;
        }
        return (pitches, durations);
    }

    /// <summary>Moves a melody's pitch tokens (in place) from its best-fitting major key to C; returns that key's tonic.</summary>
    public static int ToC(MonophonicNoteEncoding encoding, int[] pitches, int[] durations)
    {
        var notes = Enumerable.Range(0, pitches.Length).Where(i => pitches[i] != encoding.RestPitchToken).ToArray();
        var tonic = MelodyKey.Tonic([.. notes.Select(i => encoding.MinPitch + pitches[i])], [.. notes.Select(i => encoding.DurationSteps[durations[i]])]);
        var shift = MelodyKey.ShiftFromC(tonic);
        foreach (var i in notes) pitches[i] = MelodyKey.Move(pitches[i], -shift, encoding.PitchVocabularySize - 1);
        return tonic;
    }

    /// <summary>
    /// Phrases of <paramref name="beats"/> beats from the melody's start (the last, partial one left out); how many repeat
    /// earlier music: equal (the same (onset, pitch, duration) events, onsets counted from the start) to a window of as
    /// many beats that starts on an earlier bar (4/4) and ends by the phrase's start — any bar, not only a phrase
    /// boundary, so an intro or a pickup bar that shifts a song's phrases off the grid does not hide its repeats; how
    /// many of those have a phrase after them; and how many of those go on repeating what followed that window.
    /// </summary>
    public static NGramPhraseCounts CountPhrases(MonophonicNoteEncoding encoding, int[] pitches, int[] durations, int beats)
    {
        var phraseSteps = (long)beats * encoding.StepsPerBeat;
        var barSteps = 4L * encoding.StepsPerBeat;
        var onsets = new List<(long Step, int Pitch, int Duration)>();
        long step = 0;
        for (var i = 0; i < pitches.Length; i++)
        {
            if (pitches[i] != encoding.RestPitchToken) onsets.Add((step, pitches[i], durations[i]));
            step += encoding.DurationSteps[durations[i]];
        }
        var whole = (int)(step / phraseSteps);
        var index = 0; // first onset at or after a window's start: windows advance monotonically
        string Window(long start)
        {
            while (index > 0 && onsets[index - 1].Step >= start) index--;
            while (index < onsets.Count && onsets[index].Step < start) index++;
            var text = new System.Text.StringBuilder();
            for (var j = index; j < onsets.Count && onsets[j].Step < start + phraseSteps; j++)
                text.Append(onsets[j].Step - start).Append(',').Append(onsets[j].Pitch).Append(',').Append(onsets[j].Duration).Append(';');
            // Four bars of rest are silence, not a repeated idea.
            return text.Length == 0 ? $"rest {start}" : text.ToString();
        }
        var earlier = new Dictionary<string, long>(); // window content → its first start
        long nextWindow = 0;
        var source = new long[whole];
        int repeats = 0, followed = 0, continued = 0;
        for (var k = 0; k < whole; k++)
        {
            for (; nextWindow + phraseSteps <= k * phraseSteps; nextWindow += barSteps) earlier.TryAdd(Window(nextWindow), nextWindow);
            source[k] = earlier.TryGetValue(Window(k * phraseSteps), out var s) ? s : -1;
            if (source[k] >= 0) repeats++;
        }
        for (var k = 0; k + 1 < whole; k++)
        {
            if (source[k] < 0) continue;
            followed++;
            if (Window((k + 1) * phraseSteps) == Window(source[k] + phraseSteps)) continued++;
        }
        return new NGramPhraseCounts(beats, whole, repeats, followed, continued);
    }

    private static void AddVelocities(NGramNoteModel model, MonophonicNoteEncoding encoding, int[] pitches, int[] durations, int[] velocities)
    {
        long step = 0;
        var previous = 0;
        for (var i = 0; i < pitches.Length; i++)
        {
            if (pitches[i] != encoding.RestPitchToken && velocities[i] is >= 1 and <= 127)
            {
                model.AddVelocity(NGramNoteModel.Metric(step, encoding.StepsPerBeat), durations[i], previous, velocities[i]);
                previous = velocities[i];
            }
            step += encoding.DurationSteps[durations[i]];
        }
    }
}
