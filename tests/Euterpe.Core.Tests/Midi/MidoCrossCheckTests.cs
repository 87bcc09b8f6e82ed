using Euterpe.Core.Midi;

namespace Euterpe.Core.Tests.Midi;

/// <summary>Our reader's notes against an independent computation with python3-mido on real songs.</summary>
public class MidoCrossCheckTests
{
    [Fact]
    public void NotesCsvOfEveryOpenMsxSongEqualsMido()
    {
        var files = MidiTestEnvironment.OpenMsxFiles();
        var expected = MidiTestEnvironment.SplitByFile(MidiTestEnvironment.RunMidoNotes(files));
        Assert.Equal(files.Length, expected.Count);
        foreach (var file in files)
        {
            var ours = NoteCsv.ToCsv(MidiFileReader.Read(file));
            var theirs = expected[file];
            Assert.True(theirs.Split('\n').Length > 10, $"{file}: mido found almost no notes");
            if (ours != theirs) Assert.Fail($"{file}: first difference:\n{FirstDifference(ours, theirs)}");
        }
    }

    private static string FirstDifference(string ours, string theirs)
    {
        var a = ours.Split('\n');
        var b = theirs.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end>";
            var y = i < b.Length ? b[i] : "<end>";
            if (x != y) return $"line {i + 1}: ours  {x}\n{new string(' ', $"line {i + 1}: ".Length)}mido  {y}";
        }
        return "(none)";
    }
}
