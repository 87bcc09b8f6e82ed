using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// <see cref="NoteShaper"/> on notes of several MIDI channels (the multi-track GAN's families): each channel is paired
/// on its own, and the drum channel (10) keeps its keys under register, key and scale.
/// </summary>
public class NoteShaperChannelTests
{
    private static int Shape(NoteShaper shaper, bool on, int pitch, int channel) =>
        shaper.Shape(new ModelNoteEvent(on, pitch, 100, 0, channel), out var shaped) ? shaped : -1;

    [Fact]
    public void The_same_pitch_on_two_channels_is_two_notes()
    {
        var shaper = new NoteShaper();
        Assert.Equal(60, Shape(shaper, true, 60, 0));
        Assert.Equal(60, Shape(shaper, true, 60, 3));
        // Channel 1's note-off ends channel 1's note only; channel 4's still needs its own.
        Assert.Equal(60, Shape(shaper, false, 60, 0));
        Assert.Equal(-1, Shape(shaper, false, 60, 0));
        Assert.Equal(60, Shape(shaper, false, 60, 3));
    }

    [Fact]
    public void Register_and_scale_move_pitched_channels_and_leave_drum_keys()
    {
        var shaper = new NoteShaper { OctaveShift = 1, Scale = MusicalScale.Major, Key = 0 };
        // C# snaps down to C in C major, then up an octave; the closed hi-hat (42) on channel 10 stays 42.
        Assert.Equal(72, Shape(shaper, true, 61, 0));
        Assert.Equal(42, Shape(shaper, true, 42, 9));
        Assert.Equal(72, Shape(shaper, false, 61, 0));
        Assert.Equal(42, Shape(shaper, false, 42, 9));
    }
}
