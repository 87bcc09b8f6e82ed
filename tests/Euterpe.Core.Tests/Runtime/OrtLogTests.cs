using System.Collections.Concurrent;
using Euterpe.Core.Runtime;

namespace Euterpe.Core.Tests.Runtime;

public class OrtLogTests
{
    [Fact]
    public void RuntimeWarningsReachOurLogger()
    {
        var lines = new ConcurrentQueue<(OrtLogLevel Level, string Line)>();
        OrtLog.Sink = (level, line) => lines.Enqueue((level, line));
        try
        {
            using var session = InferenceSession.Open(OnnxTestModels.PathOf("unused.onnx"));
        }
        finally
        {
            OrtLog.Sink = null;
        }
        var warning = Assert.Single(lines, l => l.Line.Contains("euterpe_unused_initializer"));
        Assert.Equal(OrtLogLevel.Warning, warning.Level);
        Assert.StartsWith("onnxruntime [Warning] ", warning.Line);
    }
}
