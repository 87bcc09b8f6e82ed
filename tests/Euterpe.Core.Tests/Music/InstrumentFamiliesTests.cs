using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Music;

public class InstrumentFamiliesTests
{
    [Theory]
    [InlineData(0, "Piano")]                   // Acoustic Grand Piano
    [InlineData(8, "Chromatic Percussion")]    // Celesta
    [InlineData(19, "Organ")]                  // Church Organ
    [InlineData(25, "Guitar")]                 // Acoustic Guitar (steel)
    [InlineData(33, "Bass")]                   // Electric Bass (finger)
    [InlineData(40, "Strings")]                // Violin
    [InlineData(48, "Ensemble")]               // String Ensemble 1
    [InlineData(56, "Brass")]                  // Trumpet
    [InlineData(65, "Reed")]                   // Alto Sax
    [InlineData(73, "Pipe")]                   // Flute
    [InlineData(80, "Synth Lead")]             // Lead 1 (square)
    [InlineData(88, "Synth Pad")]              // Pad 1 (new age)
    [InlineData(96, "Synth Effects")]          // FX 1 (rain)
    [InlineData(105, "Ethnic")]                // Banjo
    [InlineData(118, "Percussive")]            // Synth Drum
    [InlineData(127, "Sound Effects")]         // Gunshot
    public void ProgramsMapToTheirGeneralMidiGroup(int program, string family)
    {
        Assert.Equal(family, InstrumentFamilies.Name(InstrumentFamilies.Of(program)));
    }

    [Fact]
    public void DrumsByFlagOrChannelTen()
    {
        Assert.Equal(InstrumentFamily.Drums, InstrumentFamilies.Of(0, isDrum: true));
        Assert.Equal(InstrumentFamily.Drums, InstrumentFamilies.Of(40, channel: 9));
        Assert.Equal(InstrumentFamily.Strings, InstrumentFamilies.Of(40, channel: 8));
        Assert.Equal(InstrumentFamily.Drums, InstrumentFamilies.Of(new Note(36, 100, 0, 10, 0, 0.1, Channel: 9)));
    }

    [Fact]
    public void SeventeenFamiliesEachWithEightPrograms()
    {
        Assert.Equal(17, Enum.GetValues<InstrumentFamily>().Length);
        var counts = Enumerable.Range(0, 128).GroupBy(p => InstrumentFamilies.Of(p)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(16, counts.Count);
        Assert.All(counts.Values, c => Assert.Equal(8, c));
        Assert.All(Enum.GetValues<InstrumentFamily>().Where(f => f != InstrumentFamily.Drums),
            f => Assert.Equal(f, InstrumentFamilies.Of(InstrumentFamilies.FirstProgram(f))));
        Assert.Throws<ArgumentOutOfRangeException>(() => InstrumentFamilies.Of(128));
    }
}
