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
        // The generator's rules: NOTE_OFF only for a sounding pitch, and not in a note's first 30 ms; note-ons outside
        // the key the output is in lose 0.5 log-odds. (Its phrases are 8 s, so no repeat starts in a short test; the
        // test model's metadata has no long-note length or keys.)
        var encoding = TestPresets.Encoding;
        var allowed = Enumerable.Range(0, encoding.VocabularySize).Select(t => t < encoding.NoteOffOffset || t >= encoding.TimeShiftOffset).ToArray();
        generator.SetMask(allowed);
        var bias = new float[encoding.VocabularySize];
        generator.SetLogitBias(bias);
        var key = new KeyTracker();
        var minSteps = (long)Math.Round(EventRnnGenerator.MinNoteSeconds / encoding.Options.StepSeconds);
        Assert.True(seconds < EventRnnGenerator.PhraseSeconds, "the reference does not repeat phrases");
        while (decoder.Seconds < seconds)
        {
            for (var pitch = encoding.Options.MinPitch; pitch <= encoding.Options.MaxPitch; pitch++)
            {
                var index = pitch - encoding.Options.MinPitch;
                bias[index] = key.InKey(pitch) ? 0f : -EventRnnGenerator.OutOfKeyPenalty;
                bias[encoding.NoteOffOffset + index] = decoder.IsSounding(pitch) && decoder.HeldSteps(pitch) < minSteps ? -30f : 0f;
            }
            var n = decoder.Feed(generator.Next(), buffer);
            for (var i = 0; i < n; i++)
            {
                allowed[encoding.NoteOffOffset + buffer[i].Pitch - encoding.Options.MinPitch] = buffer[i].IsNoteOn;
                if (buffer[i].IsNoteOn) key.Onset(buffer[i].Pitch, buffer[i].Seconds);
                if (buffer[i].Seconds < seconds) notes.Add(buffer[i]);
            }
        }
        return notes;
    }
}
