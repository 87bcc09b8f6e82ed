using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Training.Data;
using Euterpe.Training.Families.Pix2Pix;
using Euterpe.Training.Tests.Data;

namespace Euterpe.Training.Tests.Families.Pix2Pix;

/// <summary>
/// The facade maker on real crops (an OpenMSX song read from the piano-roll cache at 8 steps a beat): a facade holds
/// only cells of its roll, drops whole notes (about the share it is told), blanks whole bars and marks exactly those in
/// its hole mask, and the same seed makes the same facade.
/// </summary>
public sealed class FacadeMakerTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-facade-");

    public void Dispose() => _folder.Dispose();

    private List<float[]> Crops()
    {
        Corpora.RequireOpenMsx();
        var music = _folder.Path("music");
        Directory.CreateDirectory(music);
        File.Copy(Path.Combine(Corpora.OpenMsx, "coconut_run2.mid"), Path.Combine(music, "coconut_run2.mid"));
        using var data = PianoRollDataset.Open(music, 0, 1);
        var cells = new byte[Core.Encoding.PianoRollEncoding.CellsPerClip];
        var crops = new List<float[]>();
        for (var i = 0; i < data.Train.Count; i++)
        {
            data.Train.Read(i, cells);
            var roll = new float[Pix2PixGrid.CellsPerRoll];
            Pix2PixGrid.FromCacheClip(cells, roll);
            crops.Add(roll);
        }
        Assert.True(crops.Count >= 4, $"{crops.Count} crops");
        return crops;
    }

    /// <summary>The notes of a roll channel: (pitch, start, end) runs of sounding cells.</summary>
    private static List<(int Pitch, int Start, int End)> Notes(ReadOnlySpan<float> roll)
    {
        var notes = new List<(int, int, int)>();
        for (var pitch = 0; pitch < Pix2PixGrid.Pitches; pitch++)
            for (var step = 0; step < Pix2PixGrid.Steps;)
            {
                if (!(roll[step * Pix2PixGrid.Pitches + pitch] > 0)) { step++; continue; }
                var end = step;
                while (end < Pix2PixGrid.Steps && roll[end * Pix2PixGrid.Pitches + pitch] > 0) end++;
                notes.Add((pitch, step, end));
                step = end;
            }
        return notes;
    }

    [Fact]
    public void Whole_notes_are_dropped_at_about_the_rate_asked_and_blanked_bars_are_silent_and_marked()
    {
        const int cells = Pix2PixGrid.CellsPerRoll;
        var maker = new FacadeMaker(0.3, 0.5);
        var facade = new float[2 * cells];
        int notes = 0, dropped = 0, blanked = 0;
        var crops = Crops();
        for (var seed = 0UL; seed < 40; seed++)
        {
            var roll = crops[(int)(seed % (ulong)crops.Count)];
            var (first, bars) = maker.Make(roll, facade, seed);
            var holeFrom = first * Pix2PixGrid.StepsPerBar;
            var holeTo = (first + bars) * Pix2PixGrid.StepsPerBar;
            if (bars > 0) blanked++;
            Assert.InRange(bars, 0, 2);
            for (var step = 0; step < Pix2PixGrid.Steps; step++)
                for (var pitch = 0; pitch < Pix2PixGrid.Pitches; pitch++)
                {
                    var i = step * Pix2PixGrid.Pitches + pitch;
                    var inHole = step >= holeFrom && step < holeTo;
                    Assert.Equal(inHole ? 1f : 0f, facade[cells + i]);
                    if (inHole) Assert.Equal(0f, facade[i]);
                    else Assert.True(facade[i] == 0 || facade[i] == roll[i], $"cell {i} is not the roll's");
                }
            // Outside the hole a note is kept whole or dropped whole.
            foreach (var (pitch, start, end) in Notes(roll))
            {
                if (end > holeFrom && start < holeTo) continue;
                var kept = Enumerable.Range(start, end - start).Count(s => facade[s * Pix2PixGrid.Pitches + pitch] > 0);
                Assert.True(kept == 0 || kept == end - start, $"note {pitch} at {start}-{end} half dropped");
                notes++;
                if (kept == 0) dropped++;
            }
        }
        Assert.InRange(dropped / (double)notes, 0.22, 0.38);
        Assert.InRange(blanked, 10, 30);
    }

    [Fact]
    public void The_same_seed_makes_the_same_facade_and_nothing_is_dropped_when_asked_for_nothing()
    {
        var roll = Crops()[1];
        var maker = new FacadeMaker(0.3, 0.5);
        float[] Make(FacadeMaker m, ulong seed)
        {
            var facade = new float[2 * Pix2PixGrid.CellsPerRoll];
            m.Make(roll, facade, seed);
            return facade;
        }
        Assert.Equal(Make(maker, 9), Make(maker, 9));
        Assert.NotEqual(Make(maker, 9), Make(maker, 10));
        var whole = Make(new FacadeMaker(0, 0), 9);
        Assert.Equal(roll, whole[..Pix2PixGrid.CellsPerRoll]);
        Assert.All(whole[Pix2PixGrid.CellsPerRoll..], v => Assert.Equal(0f, v));
    }
}
