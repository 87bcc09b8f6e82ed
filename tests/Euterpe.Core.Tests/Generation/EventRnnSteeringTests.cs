using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The shipped conditional event RNN steered by an instrument's controls: its 14 features are set as the model was
/// trained (a pitch-class histogram, density / 20 per s, mean pitch / 127), starting from the corpus mean.
/// </summary>
public class EventRnnSteeringTests
{
    private static EventRnnGenerator Open() =>
        (EventRnnGenerator)EventRnnFamily.Instance.OpenNotes(Preset.Open(RepositoryRoot.Combine("presets", "event-rnn-openmsx")));

    [Fact]
    public void The_default_controls_are_the_corpus_mean()
    {
        using var g = Open();
        var mean = g.Conditioning.ToArray();
        Assert.Equal(14, mean.Length);
        Assert.Equal(1f, mean[..12].Sum(), 3); // a histogram
        Assert.InRange(mean[12], 0.01f, 1f); // notes per second / 20: OpenMSX plays about 13
        Assert.True(mean.Distinct().Count() > 5, "one value everywhere is not a corpus mean");

        Assert.True(g.Steer(new MusicalSteering(Key: 0, Scale: 0, DensityFraction: 1)));
        Assert.Equal(mean, g.Conditioning.ToArray());
    }

    [Fact]
    public void Key_scale_and_density_set_the_features_they_were_trained_as()
    {
        using var g = Open();
        var mean = g.Conditioning.ToArray();
        // D major (scale 1): D E F# G A B C#.
        Assert.True(g.Steer(new MusicalSteering(Key: 2, Scale: 1, DensityFraction: 0.5)));
        var values = g.Conditioning.ToArray();
        int[] dMajor = [2, 4, 6, 7, 9, 11, 1];
        for (var pc = 0; pc < 12; pc++) Assert.Equal(dMajor.Contains(pc) ? 1f / 7 : 0f, values[pc], 5);
        Assert.Equal(mean[12] * 0.5f, values[12], 5);
        Assert.Equal(mean[13], values[13]);
    }

    [Fact]
    public void Pitch_moves_the_register_the_model_hears_and_plays()
    {
        using var g = Open();
        var start = g.Conditioning.ToArray();
        Assert.True(g.Steer(new MusicalSteering(0, 0, 1, PitchSemitones: 12)));
        Assert.Equal(start[13] + 12f / 127, g.Conditioning[13], 5);
        Assert.Equal(start[..13], g.Conditioning[..13].ToArray());

        // The mean pitch of its notes over 40 s from three seeds, an octave down against an octave up.
        double MeanPitch(double semitones)
        {
            var events = new ModelNoteEvent[g.MaxEventsPerStep];
            var (sum, count) = (0.0, 0);
            for (ulong seed = 1; seed <= 3; seed++)
            {
                g.Reset(seed);
                g.Steer(new MusicalSteering(0, 0, 1, semitones));
                while (g.Time < 40)
                {
                    var n = g.Step(events);
                    for (var k = 0; k < n; k++)
                        if (events[k].IsNoteOn) (sum, count) = (sum + events[k].Pitch, count + 1);
                }
            }
            return sum / count;
        }
        var (low, high) = (MeanPitch(-12), MeanPitch(12));
        Assert.True(high - low > 3, $"mean pitch {low:0.0} an octave down, {high:0.0} an octave up");
    }
}
