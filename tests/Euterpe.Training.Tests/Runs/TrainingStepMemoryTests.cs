using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Runs;

/// <summary>The trainers' step (forward, loss, <see cref="TrainingLoop.Optimize"/>) inside a dispose scope leaves no tensor behind.</summary>
public sealed class TrainingStepMemoryTests
{
    [Fact]
    public void Three_hundred_event_rnn_steps_keep_this_threads_live_tensor_count_flat()
    {
        TorchRuntime.EnsureLoaded();
        torch.manual_seed(1);
        using var model = new EventRnnModel(EventRnnConfig.Named("tiny", 388, 14));
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var random = new Random(2);
        var tokens = Enumerable.Range(0, 4 * 17).Select(_ => (long)random.Next(388)).ToArray();
        var conditioning = Enumerable.Range(0, 4 * 14).Select(_ => (float)random.NextDouble()).ToArray();
        long baseline = 0;
        for (var step = 0; step < 300; step++)
        {
            using (torch.NewDisposeScope())
            {
                var all = torch.tensor(tokens, new long[] { 4, 17 });
                var (logits, _, _) = model.forward(all.narrow(1, 0, 16), torch.tensor(conditioning, new long[] { 4, 14 }));
                var loss = nn.functional.cross_entropy(logits.reshape(-1, 388), all.narrow(1, 1, 16).reshape(-1));
                TrainingLoop.Optimize(loss, model, optimizer, 3);
            }
            var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            if (step == 9) baseline = live;
            if (step > 9) Assert.True(live == baseline, $"step {step}: {live} live tensors on this thread, {baseline} after step 10");
        }
    }
}
