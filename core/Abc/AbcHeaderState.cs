namespace Euterpe.Core.Abc;

/// <summary>Tune-wide defaults from the header that every voice starts from.</summary>
internal sealed class AbcHeaderState
{
    public AbcKey Key { get; set; } = AbcKey.CMajor;

    public AbcFraction UnitLength { get; set; } = new(1, 8);

    public AbcFraction MeterLength { get; set; } = new(1, 1);

    public int MeterNumerator { get; set; } = 4;

    public int? Channel { get; set; }

    public int Program { get; set; }

    /// <summary>Broken rhythm as longer:shorter (%%MIDI ratio); 3:1 is the ABC standard.</summary>
    public (int Longer, int Shorter) BrokenRatio { get; set; } = (3, 1);
}
