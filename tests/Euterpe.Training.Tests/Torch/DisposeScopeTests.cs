using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Modules;
using Euterpe.Training.Torch.Optim;

namespace Euterpe.Training.Tests.Torch;

[Collection(LiveTensorCountCollection.Name)]
public sealed class DisposeScopeTests
{
    public DisposeScopeTests()
    {
        // Tensors other tests left to the GC must be finalized before we count.
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Fact]
    public void Thousand_training_steps_keep_the_live_tensor_count_flat()
    {
        torch.manual_seed(1);
        using var model = new Sequential(new Linear(8, 16), new Linear(16, 4));
        using var optimizer = new Adam(model.parameters(), lr: 1e-3);
        using var x = torch.randn(16, 8).DetachFromDisposeScope();
        using var y = torch.randint(0, 4, [16]).DetachFromDisposeScope();
        long baseline = 0;
        for (var step = 0; step < 1000; step++)
        {
            using (var scope = torch.NewDisposeScope())
            {
                optimizer.zero_grad();
                var loss = torch.nn.functional.cross_entropy(model.call(x).relu(), y);
                loss.backward();
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                Assert.True(scope.Count > 0);
            }
            if (step == 9) baseline = Tensor.LiveCount;
            if (step > 9) Assert.Equal(baseline, Tensor.LiveCount);
        }
    }

    [Fact]
    public void Tensors_moved_out_survive_and_the_rest_are_freed()
    {
        var before = Tensor.LiveCount;
        Tensor kept;
        Tensor dropped;
        using (torch.NewDisposeScope())
        {
            dropped = torch.ones(3);
            kept = (dropped * 2).MoveToOuterDisposeScope();
        }
        Assert.True(dropped.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.Equal(new[] { 2f, 2f, 2f }, kept.ToArray<float>());
        Assert.Equal(before + 1, Tensor.LiveCount);
        kept.Dispose();
        Assert.Equal(before, Tensor.LiveCount);
    }

    [Fact]
    public void Module_parameters_are_not_taken_by_the_scope_they_were_created_in()
    {
        Linear linear;
        using (torch.NewDisposeScope()) linear = new Linear(2, 3);
        Assert.False(linear.weight.IsDisposed);
        linear.Dispose();
        Assert.True(linear.weight.IsDisposed);
    }
}
