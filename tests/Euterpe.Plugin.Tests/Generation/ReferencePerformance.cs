using Euterpe.Core.Encoding;
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
        while (decoder.Seconds < seconds)
        {
            var n = decoder.Feed(generator.Next(), buffer);
            for (var i = 0; i < n; i++)
                if (buffer[i].Seconds < seconds) notes.Add(buffer[i]);
        }
        return notes;
    }
}
