using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.NGram;
using Euterpe.Training.Data;

namespace Euterpe.Training.Families.NGram;

/// <summary>Counts an <see cref="NGramNoteModel"/> over the melodies of a notes-encoded dataset and measures it on the held-out files.</summary>
public static class NGramTrainer
{
    public static (NGramNoteModel Model, NGramProvenance Provenance) Train(PreparedDataset data, int order)
    {
        if (data.Encoding != DataEncoding.Notes || data.Manifest.Notes is not { } settings)
            throw new EuterpeException($"{data.Manifest.Data}: the cache is encoded as {data.Manifest.Encoding}; the n-gram model needs melodies (prepare it with --encoding notes)");
        CheckOrder(order);
        if (data.Train.Count == 0) throw new EuterpeException($"{data.Manifest.Data}: no training pieces (every file was skipped or held out)");
        var encoding = settings.Create();
        var model = new NGramNoteModel(order, encoding.PitchVocabularySize, encoding.DurationCount);
        long trainNotes = 0;
        foreach (var piece in data.Train)
        {
            var (pitches, durations) = Split(encoding, piece.Tokens);
            model.Add(pitches, durations);
            trainNotes += pitches.Length;
        }
        var validation = data.Validation.Select(p => Split(encoding, p.Tokens)).ToList();
        var validationNotes = validation.Sum(v => (long)v.Pitches.Length);
        var provenance = new NGramProvenance
        {
            Data = data.Manifest.Data,
            Encoding = settings,
            Order = order,
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
}
