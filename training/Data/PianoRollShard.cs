namespace Euterpe.Training.Data;

/// <summary>One file of a piano-roll cache: <c>NAME.rolls.npy</c>, uint8 (clips, 384, 128).</summary>
public sealed record PianoRollShard(string Name, int Clips)
{
    public string FileName => Name + ".rolls.npy";
}
