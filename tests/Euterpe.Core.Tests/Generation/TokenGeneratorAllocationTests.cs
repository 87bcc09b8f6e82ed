using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>The generator's steady state over a real ONNX LSTM: model step plus top-k/top-p sampling, nothing allocated, no collection.</summary>
[Collection(NonParallelCollection.Name)]
public sealed class TokenGeneratorAllocationTests : IDisposable
{
    private static readonly SamplingOptions Sampling = new(1.2f, 8, 0.95f);
    private readonly OnnxTokenStepModel _model = GeneratorTestModels.OpenTokenLstm();

    [Fact]
    public void TenThousandStepsAllocateNothingAndCollectNothing()
    {
        var generator = new TokenGenerator(_model, startToken: 0, seed: 3, Sampling);
        generator.Conditioning[0] = 0.5f;
        for (var i = 0; i < 200; i++) generator.Next(); // JIT, tiering, lazy statics
        var histogram = new int[_model.VocabularySize];

        var collections = GC.CollectionCount(0);
        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 2_500; i++) histogram[generator.Next()]++;
        });

        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        Assert.Equal(collections, GC.CollectionCount(0));
        Assert.Equal(10_200, generator.Position);
        Assert.True(histogram.Count(c => c > 0) > 2, "the generator kept producing varied tokens");
    }

    public void Dispose() => _model.Dispose();
}
