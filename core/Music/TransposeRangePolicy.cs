namespace Euterpe.Core.Music;

/// <summary>What <see cref="NoteTransposer"/> does with a note the shift pushes outside the allowed range.</summary>
public enum TransposeRangePolicy
{
    /// <summary>Pin the pitch to the nearest end of the range.</summary>
    Clamp,

    /// <summary>Move it by whole octaves until it fits (pinned to the range end when the range is narrower than an octave).</summary>
    FoldOctaves,

    /// <summary>Leave the note out.</summary>
    Drop,
}
