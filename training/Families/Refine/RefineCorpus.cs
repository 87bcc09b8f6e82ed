using Euterpe.Core;
using Euterpe.Core.Families.Refine;
using Euterpe.Core.IO;
using Euterpe.Training.Data;

namespace Euterpe.Training.Families.Refine;

/// <summary>
/// The parts a refine net trains and is measured on: every pitched part (<see cref="NotePart"/>) of every music file in
/// a folder, split by file (<see cref="DatasetSplit"/>) so no song is on both sides. The nets need each note's own
/// timing and velocity, which a prepared cache does not keep, so only a folder of music files is read. A file that
/// cannot be read is reported through <c>skipped</c> and left out.
/// </summary>
public sealed class RefineCorpus
{
    private RefineCorpus(List<NotePart> train, List<NotePart> validation, int trainFiles, int validationFiles)
    {
        Train = train;
        Validation = validation;
        TrainFiles = trainFiles;
        ValidationFiles = validationFiles;
    }

    public List<NotePart> Train { get; }

    public List<NotePart> Validation { get; }

    public int TrainFiles { get; }

    public int ValidationFiles { get; }

    public static RefineCorpus Load(string folder, double validationFraction, ulong seed, Action<string, string>? skipped = null)
    {
        if (PreparedCache.IsCache(folder))
            throw new EuterpeException($"{folder}: is a prepared cache; the refine nets read a folder of music files (they need each note's own timing and velocity)");
        var files = MusicFiles.List(folder);
        if (files.Count == 0) throw new EuterpeException($"{folder}: no music files (.mid, .midi, .kar, .abc) in this folder");
        var mask = DatasetSplit.ValidationMask(files.Count, validationFraction, seed);
        var (train, validation) = (new List<NotePart>(), new List<NotePart>());
        var (trainFiles, validationFiles) = (0, 0);
        for (var f = 0; f < files.Count; f++)
        {
            IReadOnlyList<(string Name, Core.Music.NoteSequence Sequence)> pieces;
            try
            {
                pieces = MusicFiles.Load(files[f]);
            }
            catch (EuterpeException e)
            {
                skipped?.Invoke(files[f], e.Message.StartsWith(files[f], StringComparison.Ordinal) ? e.Message[(files[f].Length + 2)..] : e.Message);
                continue;
            }
            var parts = pieces.SelectMany(p => NotePart.Split(p.Sequence)).Where(p => p.Count >= 2).ToList();
            if (parts.Count == 0)
            {
                skipped?.Invoke(files[f], "no part with two pitched notes or more");
                continue;
            }
            if (mask[f])
            {
                validation.AddRange(parts);
                validationFiles++;
            }
            else
            {
                train.AddRange(parts);
                trainFiles++;
            }
        }
        if (train.Count == 0) throw new EuterpeException($"{folder}: no training file has a part with two pitched notes or more");
        return new RefineCorpus(train, validation, trainFiles, validationFiles);
    }
}
