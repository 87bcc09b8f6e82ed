using Euterpe.Core.Encoding;
using Euterpe.Core.Midi;
using Euterpe.Training.Data;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Tests.Data;

namespace Euterpe.Training.Tests.Families.EventRnn;

public class WindowConditioningTests
{
    /// <summary>
    /// The controls a window-conditioned model trains on are the features of the music in that window: computed from
    /// its tokens, they agree with the core feature code run on the window decoded back to notes.
    /// </summary>
    [Theory]
    [InlineData("tttheme2.mid", 0, 64)]
    [InlineData("tttheme2.mid", 500, 64)]
    [InlineData("5432gone_redfarn.mid", 1200, 128)]
    public void Window_controls_match_the_features_of_the_decoded_window(string song, int start, int length)
    {
        var encoding = new PerformanceEncoding();
        var tokens = encoding.Encode(MidiFileReader.Read(Path.Combine(Corpora.OpenMsx, song)));
        Assert.True(tokens.Length > start + length + 1, $"{song}: only {tokens.Length} tokens");
        var window = tokens.AsSpan(start, length + 1);

        Span<float> controls = stackalloc float[ConditioningFeatures.Length];
        EventRnnTrainer.WindowConditioning(window[..^1], window[^1], encoding, controls);

        // The window decoded on its own: its note-ons are the notes that start in it, its time shifts its length.
        var decoded = encoding.Decode(window);
        var seconds = 0.0;
        foreach (var t in window)
            if (encoding.TokenToEvent(t) is { Type: PerformanceEventType.TimeShift } e) seconds += e.Value * encoding.Options.StepSeconds;
        Span<float> expected = stackalloc float[ConditioningFeatures.Length];
        ConditioningFeatures.Compute(decoded, 0, seconds + 1e-9).CopyNormalisedTo(expected);
        Assert.True(decoded.Notes.Count > 0, "the window should hold notes");
        for (var i = 0; i < 12; i++) Assert.Equal(expected[i], controls[i], 5);
        Assert.Equal(expected[13], controls[13], 5);
        Assert.Equal(expected[12], controls[12], 3);
    }
}
