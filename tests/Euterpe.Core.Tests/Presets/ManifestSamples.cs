namespace Euterpe.Core.Tests.Presets;

/// <summary>Manifest JSON as the trainer would write it for the test models in Onnx/TestModels.</summary>
internal static class ManifestSamples
{
    /// <summary>Matches TestModels.LstmStep: token → logits, LSTM h and c carried explicitly.</summary>
    public const string EventRnn = """
        {
          "formatVersion": 1,
          "id": "event-rnn-test",
          "displayName": "Event RNN (test)",
          "family": "event-rnn",
          "representation": "performance-events",
          "vocabulary": { "size": 10, "encoding": { "name": "performance-events", "options": { "velocityBins": 4, "maxShiftMs": 1000 } } },
          "timing": { "secondsPerStep": 0.01 },
          "io": {
            "tokenInput": { "name": "token", "elementType": "int64", "shape": [1] },
            "logitsOutput": { "name": "logits", "elementType": "float", "shape": [1, 10] }
          },
          "state": [
            { "input": "h0", "output": "h1", "elementType": "float", "shape": [1, 1, 5] },
            { "input": "c0", "output": "c1", "elementType": "float", "shape": [1, 1, 5] }
          ],
          "provenance": {
            "data": "openmsx MIDI (35 files)",
            "steps": 1200,
            "validationMetrics": { "loss": 2.25, "accuracy": 0.375 },
            "date": "2026-11-22T07:00:00+00:00",
            "trainerVersion": "0.1.0"
          }
        }
        """;

    /// <summary>A conditional model with one density control and a symbolic batch on its output.</summary>
    public const string Conditional = """
        {
          "formatVersion": 1,
          "id": "cond",
          "displayName": "Conditional (test)",
          "family": "conditional-event-rnn",
          "representation": "note-tokens",
          "vocabulary": { "size": 3, "tokens": ["PAD", "NOTE_ON_60", "NOTE_OFF_60"] },
          "timing": { "stepsPerBeat": 4 },
          "io": {
            "tokenInput": { "name": "token", "elementType": "int64", "shape": [-1] },
            "logitsOutput": { "name": "logits", "elementType": "float" }
          },
          "conditioning": [
            { "name": "density", "displayName": "Note density", "min": 0, "max": 8, "default": 2, "unit": "notes/s" }
          ]
        }
        """;
}
