using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Training.Data;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Tests.Data;

namespace Euterpe.Training.Tests.Families.EventRnn;

/// <summary>Training windows of real OpenMSX songs, with and without Performance RNN's transposition augmentation.</summary>
public sealed class WindowSamplerTests : IDisposable
{
    private const int Length = 64;
    private const int Batch = 48;
    private readonly TempFolder _corpus = new("euterpe-windows-");
    private readonly PerformanceEncoding _encoding = new();

    public void Dispose() => _corpus.Dispose();

    private IReadOnlyList<PreparedSequence> Songs()
    {
        var folder = _corpus.CopyFrom(Corpora.OpenMsx, "songs", ["coconut_run2.mid", "ultimate_run.mid"]);
        return DatasetPreparer.Prepare(folder, new PrepareOptions { Encoding = DataEncoding.Performance, ValidationFraction = 0, Seed = 1 }).Train;
    }

    private static (long[] Inputs, long[] Targets, PreparedSequence[] Rows) Draw(WindowSampler sampler, long step)
    {
        var (inputs, targets, rows) = (new long[Batch * Length], new long[Batch * Length], new PreparedSequence[Batch]);
        sampler.Fill(step, inputs, targets, rows);
        return (inputs, targets, rows);
    }

    [Fact]
    public void TransposedWindowsAreTheSameWindowsWithEveryNoteMovedByOneShiftWithinRange()
    {
        var songs = Songs();
        var plain = Draw(new WindowSampler(songs, Length, 7, "test"), 3);
        var moved = Draw(new WindowSampler(songs, Length, 7, "test", transpose: 5, _encoding), 3);
        Assert.Equal(plain.Rows, moved.Rows);
        var shifts = new HashSet<int>();
        for (var b = 0; b < Batch; b++)
        {
            int? shift = null;
            for (var t = 0; t < Length; t++)
            {
                foreach (var (a, m) in new[] { (plain.Inputs[b * Length + t], moved.Inputs[b * Length + t]), (plain.Targets[b * Length + t], moved.Targets[b * Length + t]) })
                {
                    var (before, after) = (_encoding.TokenToEvent((int)a), _encoding.TokenToEvent((int)m));
                    Assert.Equal(before.Type, after.Type);
                    if (before.Type is PerformanceEventType.NoteOn or PerformanceEventType.NoteOff)
                    {
                        shift ??= after.Value - before.Value;
                        Assert.Equal(shift, after.Value - before.Value);
                    }
                    else Assert.Equal(a, m);
                }
            }
            Assert.InRange(shift ?? 0, -5, 5);
            shifts.Add(shift ?? 0);
        }
        // 48 windows drawn from 11 shifts: a sampler that never moved them, or moved them all alike, fails.
        Assert.True(shifts.Count >= 5, $"only {shifts.Count} distinct shifts in {Batch} windows");
    }

    [Fact]
    public void AWindowAtTheTopOfTheRangeIsNeverMovedOutOfIt()
    {
        // One note at the encoding's highest pitch, repeated: any upward shift would leave the vocabulary's notes.
        var top = _encoding.Options.MaxPitch;
        var tokens = Enumerable.Range(0, 400).Select(i => (i % 3) switch
        {
            0 => _encoding.EventToToken(PerformanceEvent.NoteOn(top)),
            1 => _encoding.EventToToken(PerformanceEvent.TimeShift(10)),
            _ => _encoding.EventToToken(PerformanceEvent.NoteOff(top)),
        }).ToArray();
        var sampler = new WindowSampler([new PreparedSequence("top", "top.mid", tokens)], Length, 1, "test", transpose: 12, _encoding);
        for (var step = 0; step < 20; step++)
        {
            var (inputs, _, _) = Draw(sampler, step);
            foreach (var token in inputs)
            {
                var e = _encoding.TokenToEvent((int)token);
                if (e.Type is PerformanceEventType.NoteOn or PerformanceEventType.NoteOff) Assert.InRange(e.Value, top - 12, top);
            }
        }
    }

    [Fact]
    public void ARangeBeyondAnOctaveIsRefused()
    {
        var e = Assert.Throws<EuterpeException>(() => new WindowSampler(Songs(), Length, 1, "test", transpose: 13, _encoding));
        Assert.Contains("--transpose", e.Message);
    }
}
