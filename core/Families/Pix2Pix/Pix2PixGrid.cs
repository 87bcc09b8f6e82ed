using Euterpe.Core.Encoding;

namespace Euterpe.Core.Families.Pix2Pix;

/// <summary>
/// The Pix2Pix inpainter's crop: the piano-roll cache's 16-beat clip (<see cref="PianoRollEncoding"/>, 24 steps a beat)
/// read at <see cref="StepsPerBeat"/> = 8 steps a beat, so a crop is 128 steps × 128 pitches (four 4/4 bars of 32 steps).
/// A coarse cell holds the loudest of its three fine cells, so a note shorter than a coarse step is not lost. The model
/// sees two channels: the facade (the roll with notes missing, velocity / 127) and the hole mask (1 on every pitch of
/// the steps whose bars were blanked for it to fill, 0 elsewhere), channel-major: cell = channel × 128 × 128 + step × 128 + pitch.
/// </summary>
public static class Pix2PixGrid
{
    public const int StepsPerBeat = 8;
    public const int BeatsPerClip = PianoRollEncoding.BeatsPerClip;
    public const int Steps = StepsPerBeat * BeatsPerClip;
    public const int Pitches = PianoRollEncoding.Pitches;
    public const int CellsPerRoll = Steps * Pitches;
    public const int StepsPerBar = 4 * StepsPerBeat;
    public const int BarsPerClip = BeatsPerClip / 4;
    /// <summary>The facade's channels: the roll and the hole mask.</summary>
    public const int InputChannels = 2;

    private const int FinePerCoarse = PianoRollEncoding.StepsPerBeat / StepsPerBeat;

    /// <summary>A cached clip (384 × 128 velocities) as a crop of values in [0, 1] (128 × 128).</summary>
    public static void FromCacheClip(ReadOnlySpan<byte> cells, Span<float> roll)
    {
        for (var step = 0; step < Steps; step++)
            for (var pitch = 0; pitch < Pitches; pitch++)
            {
                var loudest = 0;
                for (var k = 0; k < FinePerCoarse; k++) loudest = Math.Max(loudest, cells[(step * FinePerCoarse + k) * Pitches + pitch]);
                roll[step * Pitches + pitch] = loudest / 127f;
            }
    }

    /// <summary>Silences bars [first, first + count) of a facade (2 × 128 × 128) and marks them in its hole mask.</summary>
    public static void BlankBars(Span<float> facade, int first, int count)
    {
        var from = first * StepsPerBar * Pitches;
        var length = count * StepsPerBar * Pitches;
        facade.Slice(from, length).Clear();
        facade.Slice(CellsPerRoll + from, length).Fill(1);
    }
}
