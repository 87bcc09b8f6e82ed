using Euterpe.Core.Music;

namespace Euterpe.Core.Tests;

public class TempoMapTests
{
    [Fact]
    public void DefaultTempoIs120Bpm()
    {
        var map = new TempoMap(480);
        Assert.Equal(0.5, map.TickToSeconds(480), 12);
    }

    [Fact]
    public void TempoChangesAccumulate()
    {
        // 1 quarter at 120 bpm (0.5 s), then quarters at 60 bpm (1 s each).
        var map = new TempoMap(96, [new TempoChange(96, 1_000_000)]);
        Assert.Equal(0.5, map.TickToSeconds(96), 12);
        Assert.Equal(2.5, map.TickToSeconds(96 * 3), 12);
        Assert.Equal(96 * 3, map.SecondsToTick(2.5));
        Assert.Equal(48, map.SecondsToTick(0.25));
    }

    [Fact]
    public void SmpteTimingIgnoresTempo()
    {
        var map = TempoMap.ForSmpte(25, 40);
        Assert.Equal(1.0, map.TickToSeconds(1000), 12);
    }
}
