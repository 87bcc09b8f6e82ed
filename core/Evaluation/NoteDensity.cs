using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Note density: melodic (non-drum) notes per second over the piece's length from 0 to its last note end
/// (so leading silence counts, as a listener hears it). NaN for an empty piece.
/// </summary>
public static class NoteDensity
{
    public static double NotesPerSecond(NoteSequence sequence)
    {
        var melodic = sequence.Notes.Where(n => !n.IsDrum).ToList();
        if (melodic.Count == 0) return double.NaN;
        var length = melodic.Max(n => n.EndSeconds);
        return length > 0 ? melodic.Count / length : double.NaN;
    }
}
