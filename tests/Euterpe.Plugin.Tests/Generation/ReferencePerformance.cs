using Euterpe.Core.Encoding;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// The notes the test model makes for a seed, computed straight from core (ONNX token model, sampler, stream
/// decoder) without the plug-in's worker, queues, beat conversion or scheduling: what the output bus must carry.
/// </summary>
internal static class ReferencePerformance
{
    public static List<StreamedNoteEvent> Notes(ulong seed, double seconds, float conditioning = 0)
    {
        var signature = new TokenModelSignature("token", "logits", [("h0", "hn"), ("c0", "cn")], "cond");
        using var model = OnnxTokenStepModel.Open(TestPresets.GoodModelPath, signature);
        var generator = new TokenGenerator(model, TestPresets.Encoding.TimeShiftOffset, seed);
        generator.Conditioning.Fill(conditioning);
        var decoder = new PerformanceStreamDecoder(TestPresets.Encoding, PerformanceStreamDecoder.GenerationMaxNoteSeconds); // as the plug-in decodes
        var buffer = new StreamedNoteEvent[PerformanceStreamDecoder.MaxEventsPerToken];
        var notes = new List<StreamedNoteEvent>();
        // The generator's rule: NOTE_OFF only for a sounding pitch. (Its phrases are 8 s, so no repeat starts in a short test.)
        var encoding = TestPresets.Encoding;
        var allowed = Enumerable.Range(0, encoding.VocabularySize).Select(t => t < encoding.NoteOffOffset || t >= encoding.TimeShiftOffset).ToArray();
        generator.SetMask(allowed);
        Assert.True(seconds < EventRnnGenerator.PhraseSeconds, "the reference does not repeat phrases");
        while (decoder.Seconds < seconds)
        {
            var n = decoder.Feed(generator.Next(), buffer);
            for (var i = 0; i < n; i++)
            {
                allowed[encoding.NoteOffOffset + buffer[i].Pitch - encoding.Options.MinPitch] = buffer[i].IsNoteOn;
                if (buffer[i].Seconds < seconds) notes.Add(buffer[i]);
            }
        }
        return notes;
    }
}
