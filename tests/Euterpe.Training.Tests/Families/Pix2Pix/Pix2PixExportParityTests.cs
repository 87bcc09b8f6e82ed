using Euterpe.Core.Families;
using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.Pix2Pix;
using Euterpe.Training.Tests.Data;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.Pix2Pix;

/// <summary>
/// The exported U-Net, run in ONNX Runtime, fills a real facade (an OpenMSX crop with notes dropped and a bar blanked)
/// as the TorchSharp generator in eval mode does (batch norm from running statistics that training moved): within 1e-4.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class Pix2PixExportParityTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-pix2pix-export-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void OnnxRuntime_fills_a_facade_as_libtorch_does()
    {
        Corpora.RequireOpenMsx();
        var music = _folder.Path("music");
        Directory.CreateDirectory(music);
        File.Copy(Path.Combine(Corpora.OpenMsx, "coconut_run2.mid"), Path.Combine(music, "coconut_run2.mid"));
        using var data = Training.Data.PianoRollDataset.Open(music, 0, 1);
        var batches = new Pix2PixBatches(data.Train, 1, new FacadeMaker(0.3, 1));
        torch.manual_seed(7);
        using var generator = new UNetGenerator();
        const int cells = Pix2PixGrid.CellsPerRoll;
        var facades = new float[4 * 2 * cells];
        var rolls = new float[4 * cells];
        batches.Fill(0, 4, facades, rolls);
        // A few passes in training mode move the batch-norm statistics, so the export must carry them.
        generator.train();
        using (torch.no_grad())
            for (var i = 0; i < 3; i++) using (torch.NewDisposeScope()) generator.Fill(torch.tensor(facades, new long[] { 4, 2, 128, 128 }));
        generator.eval();

        var onnx = Pix2PixOnnxGraph.Build(generator);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        using var model = new OnnxFillModel(session, Pix2PixOnnxGraph.FacadeInput, Pix2PixOnnxGraph.RollOutput);
        var filled = new float[cells];
        for (var k = 0; k < 4; k++)
        {
            var facade = facades.AsSpan(k * 2 * cells, 2 * cells).ToArray();
            float[] expected;
            using (torch.no_grad())
            using (torch.NewDisposeScope())
                expected = TensorAssert.Values<float>(generator.Fill(torch.tensor(facade, new long[] { 1, 2, 128, 128 })));
            model.Run(facade, filled);
            var worst = expected.Zip(filled, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1e-4, $"crop {k}: largest difference {worst:E2}");
            Assert.Contains(filled, v => v is > 0.01f and < 0.99f);
        }
    }
}
