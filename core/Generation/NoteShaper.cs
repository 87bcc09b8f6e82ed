using Euterpe.Core.Music;

namespace Euterpe.Core.Generation;

/// <summary>
/// What the performance knobs do to the model's notes, after sampling (so they work for every family):
/// register transposes by octaves, key and scale snap each pitch to the nearest scale note (a pitch remap,
/// not a token mask: the model's own history stays what it generated), and density keeps each note-on
/// with that probability (its note-off goes with it). Several model pitches can land on one output pitch;
/// the output note ends when the last of them ends. Each MIDI channel is shaped on its own, and the drum channel
/// (10) keeps its keys: they name instruments, not pitches, so only density thins them. Fixed arrays, no allocation.
/// </summary>
public sealed class NoteShaper
{
    private const int Channels = 16;
    // By channel × 128 + pitch.
    private readonly int[] _mappedTo = new int[Channels * 128];
    private readonly int[] _held = new int[Channels * 128];
    private readonly RandomSource _random = new(0);

    public NoteShaper() => Reset(0);

    public int Key { get; set; }
    public int Scale { get; set; }
    public int OctaveShift { get; set; }
    public double Density { get; set; } = 1;

    public void Reset(ulong seed)
    {
        Array.Fill(_mappedTo, -1);
        Array.Clear(_held);
        _random.Reseed(seed ^ 0x5EED_0F_DE15171UL);
    }

    /// <summary>Shapes one event; false when it is dropped.</summary>
    public bool Shape(in ModelNoteEvent e, out int pitch)
    {
        pitch = -1;
        if ((uint)e.Pitch >= 128 || (uint)e.Channel >= Channels) return false;
        var row = e.Channel * 128;
        if (e.IsNoteOn)
        {
            // A re-attack of a sounding model pitch ends its previous output note first (the decoder sends the off).
            if (Density < 1 && _random.NextDouble() >= Density) return false;
            var target = e.Pitch;
            if (e.Channel != InstrumentFamilies.DrumChannel)
            {
                target = Math.Clamp(e.Pitch + 12 * OctaveShift, 0, 127);
                if (Scale != 0) target = MusicalScale.Snap(Scale, Key, target);
            }
            _mappedTo[row + e.Pitch] = target;
            _held[row + target]++;
            pitch = target;
            return true;
        }
        var mapped = _mappedTo[row + e.Pitch];
        if (mapped < 0) return false;
        _mappedTo[row + e.Pitch] = -1;
        if (--_held[row + mapped] > 0) return false;
        pitch = mapped;
        return true;
    }
}
