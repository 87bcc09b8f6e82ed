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
        int phrases = 0, repeats = 0;
        foreach (var piece in data.Train)
        {
            var (pitches, durations) = Split(encoding, piece.Tokens);
            var tonic = ToC(encoding, pitches, durations);
            model.KeyCounts[tonic]++;
            model.Add(pitches, durations);
            if (piece.Velocities is { } velocities && velocities.Length == pitches.Length) AddVelocities(model, encoding, pitches, durations, velocities);
            var (p, r) = CountPhrases(encoding, pitches, durations, NGramPhraseCounts.DefaultBeats);
            phrases += p;
            repeats += r;
            trainNotes += pitches.Length;
        }
        model.Phrases = new NGramPhraseCounts(NGramPhraseCounts.DefaultBeats, phrases, repeats);
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
    /// Phrases of <paramref name="beats"/> beats from the melody's start (the last, partial one left out) and how many
    /// equal an earlier one: the same (onset, pitch, duration) events, onsets counted from the phrase's start.
    /// </summary>
    public static (int Phrases, int Repeats) CountPhrases(MonophonicNoteEncoding encoding, int[] pitches, int[] durations, int beats)
    {
        var phraseSteps = (long)beats * encoding.StepsPerBeat;
        var contents = new Dictionary<long, List<(long Onset, int Pitch, int Duration)>>();
        long step = 0;
        for (var i = 0; i < pitches.Length; i++)
        {
            if (pitches[i] != encoding.RestPitchToken)
            {
                var phrase = step / phraseSteps;
                if (!contents.TryGetValue(phrase, out var events)) contents[phrase] = events = [];
                events.Add((step - phrase * phraseSteps, pitches[i], durations[i]));
            }
            step += encoding.DurationSteps[durations[i]];
        }
        var whole = step / phraseSteps;
        var seen = new HashSet<string>();
        int count = 0, repeats = 0;
        for (long phrase = 0; phrase < whole; phrase++)
        {
            count++;
            // An empty phrase (a rest of four bars) is silence, not a repeated idea.
            if (!contents.TryGetValue(phrase, out var events)) continue;
            if (!seen.Add(string.Join(';', events))) repeats++;
        }
        return (count, repeats);
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
