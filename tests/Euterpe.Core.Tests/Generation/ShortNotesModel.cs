using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>A fixed token model that plays C4 for no time again and again: NOTE_ON_60 → NOTE_OFF_60 → TIME_SHIFT_1 → NOTE_ON_60 …</summary>
internal sealed class ShortNotesModel : ITokenStepModel
{
    private static readonly PerformanceEncoding Encoding = new();
    private readonly float[] _logits = new float[Encoding.VocabularySize];

    public int VocabularySize => Encoding.VocabularySize;
    public int ConditioningSize => 0;
    public void ResetState() { }
    public void Dispose() { }

    public ReadOnlySpan<float> Step(int token, ReadOnlySpan<float> conditioning)
    {
        var next = token == Token(PerformanceEvent.NoteOn(60)) ? PerformanceEvent.NoteOff(60)
            : token == Token(PerformanceEvent.NoteOff(60)) ? PerformanceEvent.TimeShift(1) : PerformanceEvent.NoteOn(60);
        _logits.AsSpan().Fill(-30f);
        _logits[Token(next)] = 20f;
        return _logits;
    }

    private static int Token(PerformanceEvent e) => Encoding.EventToToken(e);
}
