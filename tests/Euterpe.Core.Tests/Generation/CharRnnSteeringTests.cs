using Euterpe.Core.Families.CharRnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The shipped conditional Char-RNN steered by an instrument's controls: its 14 melody features are set as the model
/// was trained, from the corpus mean, and a key moves the notes into it.
/// </summary>
public class CharRnnSteeringTests
{
    private static CharRnnGenerator Open() => CharRnnFamily.Open(Preset.Open(RepositoryRoot.Combine("presets", "char-rnn-abc")));

    [Fact]
    public void Key_and_density_set_the_features_from_the_corpus_mean()
    {
        using var g = Open();
        var mean = g.Conditioning.ToArray();
        Assert.Equal(14, mean.Length);
        Assert.Equal(1f, mean[..12].Sum(), 3);
        Assert.Equal(mean, g.MeanControls.ToArray());
        // G major (scale 1): G A B C D E F#.
        Assert.True(g.Steer(new MusicalSteering(Key: 7, Scale: 1, DensityFraction: 2)));
        int[] gMajor = [7, 9, 11, 0, 2, 4, 6];
        for (var pc = 0; pc < 12; pc++) Assert.Equal(gMajor.Contains(pc) ? 1f / 7 : 0f, g.Conditioning[pc], 5);
        Assert.Equal(Math.Min(1f, mean[12] * 2), g.Conditioning[12], 5);
        Assert.Equal(mean[13], g.Conditioning[13]);
    }

    [Fact]
    public void A_key_moves_the_notes_into_it()
    {
        double InGMajor(bool steer)
        {
            using var g = Open();
            if (steer) g.Steer(new MusicalSteering(Key: 7, Scale: 1, DensityFraction: 1));
            var events = new ModelNoteEvent[g.MaxEventsPerStep];
            int inKey = 0, all = 0;
            for (ulong seed = 1; seed <= 4; seed++)
            {
                g.Reset(seed);
                while (g.Time < 64)
                {
                    var n = g.Step(events);
                    for (var k = 0; k < n; k++)
                    {
                        if (!events[k].IsNoteOn) continue;
                        all++;
                        if (MusicalScale.Contains(MusicalScale.Major, 7, events[k].Pitch)) inKey++;
                    }
                }
            }
            return inKey / (double)all;
        }
        var free = InGMajor(steer: false);
        var steered = InGMajor(steer: true);
        Assert.True(steered > free + 0.05, $"notes in G major: {steered:F3} steered, {free:F3} at the corpus mean");
    }
}
