using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Notes per track as the multi-track GAN papers count them: one count per instrument family of the Lakh piano-roll
/// dataset (<see cref="InstrumentFamily"/>: drums, then the 16 General MIDI program groups), drums included.
/// </summary>
public static class InstrumentFamilyNotes
{
    public static int FamilyCount { get; } = Enum.GetValues<InstrumentFamily>().Length;

    /// <summary>The piece's notes per family, indexed by <see cref="InstrumentFamily"/>.</summary>
    public static int[] Count(NoteSequence sequence)
    {
        var counts = new int[FamilyCount];
        foreach (var note in sequence.Notes)
        {
            // A program outside GM's range (only a hand-made sequence has one) counts with the family of its low seven bits.
            counts[(int)InstrumentFamilies.Of(note.Program & 127, note.IsDrum, note.Channel)]++;
        }
        return counts;
    }

    /// <summary>Per-family sums over pieces (pieces without counts add nothing).</summary>
    public static int[] Sum(IEnumerable<int[]?> counts)
    {
        var total = new int[FamilyCount];
        foreach (var c in counts)
            if (c is not null)
                for (var f = 0; f < Math.Min(c.Length, total.Length); f++) total[f] += c[f];
        return total;
    }

    /// <summary>"Piano 120, Bass 40": the families with notes, in family order; "-" when none has any.</summary>
    public static string Describe(int[]? counts)
    {
        if (counts is null) return "-";
        var parts = counts.Select((n, f) => (n, f)).Where(x => x.n > 0)
            .Select(x => $"{InstrumentFamilies.Name((InstrumentFamily)x.f)} {x.n.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var text = string.Join(", ", parts);
        return text.Length == 0 ? "-" : text;
    }
}
