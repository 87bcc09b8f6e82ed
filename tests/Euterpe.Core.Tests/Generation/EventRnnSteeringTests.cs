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
}
