using System.Text;
using Euterpe.Core.Abc;

namespace Euterpe.Core.Tests.Abc;

/// <summary><see cref="AbcReader.ReadTuneStart"/>: the first tune's start only, however long the tune or the file.</summary>
public sealed class AbcTuneStartTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-abc-start-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AHugeLineIsReadOnlyAsFarAsTheBudget()
    {
        // 320,000 notes on one 400 KB line: the start is the same notes as the whole, cut near the budget.
        var line = new StringBuilder();
        while (line.Length < 400_000) line.Append("cdef gabc|");
        var path = _folder.File("long.abc");
        File.WriteAllText(path, $"X:1\nM:4/4\nL:1/8\nK:C\n{line}\n");
        var start = AbcReader.ReadTuneStart(path).Sequence.Notes;
        Assert.InRange(start.Count, AbcReader.TuneStartChars * 8 / 10 - 8, AbcReader.TuneStartChars * 8 / 10 + 8);
        var whole = AbcReader.ReadFirstTune(path).Sequence.Notes;
        Assert.Equal(320_000, whole.Count);
        Assert.Equal(whole.Take(start.Count), start);
    }

    [Fact]
    public void TheTunesAfterTheFirstAreNotRead()
    {
        var path = _folder.File("two.abc");
        File.WriteAllText(path, "X:1\nK:G\nGABc|\n\nX:2\nK:C\nA/0|\n");
        Assert.Equal([67, 69, 71, 72], AbcReader.ReadTuneStart(path).Sequence.Notes.Select(n => n.Pitch));
        Assert.Equal([67, 69, 71, 72], AbcReader.ReadFirstTune(path).Sequence.Notes.Select(n => n.Pitch));
        Assert.Throws<AbcFormatException>(() => AbcReader.ReadTunes(path));
    }

    [Fact]
    public void ATuneOverFourMebibytesIsRefusedBeforeParsing()
    {
        var path = _folder.File("huge.abc");
        File.WriteAllText(path, "X:1\nK:C\n" + string.Concat(Enumerable.Repeat(new string('A', 1023) + "\n", 4097)));
        var e = Assert.Throws<AbcFormatException>(() => AbcReader.ReadTuneStart(path));
        Assert.Equal($"{path}: line 1, column 1: the tune is longer than 4 MiB, too long to read as one tune", e.Message);
    }
}
