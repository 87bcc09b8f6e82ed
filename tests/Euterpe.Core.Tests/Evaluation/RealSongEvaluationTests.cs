using Euterpe.Core.Evaluation;
using Euterpe.Core.Tests.Encoding;

namespace Euterpe.Core.Tests.Evaluation;

/// <summary>The report on the OpenMSX songs (read by the independent midicsv tool).</summary>
public class RealSongEvaluationTests
{
    [Fact]
    public void SongsTakenFromTheCorpusAreRecognisedAsCopies()
    {
        var corpus = MidiCsvCorpus.Songs;
        var generated = corpus.Where((_, i) => i % 12 == 0).ToList();
        var report = EvaluationReport.Compute(generated, corpus);
        Assert.Equal(generated.Count, report.Generated.Count);
        foreach (var (row, (name, _)) in report.Generated.Zip(generated))
        {
            Assert.Equal(1.0, row.Bleu!.Value, 12);
            Assert.Equal(1.0, row.LcsSubstringOverlap);
            Assert.Equal(name, row.ClosestReference);
            Assert.InRange(row.PolyphonicRate!.Value, 0, 1);
            Assert.InRange(row.UsedPitchClassesPerBar!.Value, 1, 12);
        }
        Assert.Equal(1.0, report.CorpusBleu!.Value, 12);
        Assert.InRange(report.PitchClassL1Distance!.Value, 0, 2);
        // The songs are ensemble pieces: most of their time has several pitches sounding, and they have some rests.
        Assert.InRange(report.ReferenceSummary!.PolyphonicRate!.Value, 0.3, 1);
        Assert.Equal(corpus.Count, report.Reference.Count);
    }

    [Fact]
    public void ASongAgainstTheOthersIsNotACopy()
    {
        var song = MidiCsvCorpus.Songs[0].Song;
        var others = MidiCsvCorpus.Songs.Skip(1).Take(10).ToList();
        var report = EvaluationReport.Compute([("first", song)], others);
        var row = report.Generated[0];
        Assert.True(row.LcsSubstringOverlap < 0.5, $"substring overlap {row.LcsSubstringOverlap}");
        Assert.True(row.Bleu < 0.9, $"BLEU {row.Bleu}");
        var image = SelfSimilarityMatrix.PerBar(song).ToImage(2);
        Assert.Equal(image.Width, image.Height);
        Assert.True(image.Width >= 2 * 8, $"only {image.Width / 2} bars");
    }
}
