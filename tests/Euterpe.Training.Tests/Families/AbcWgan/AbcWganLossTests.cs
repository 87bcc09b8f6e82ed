using Euterpe.Core.Encoding;
using Euterpe.Training.Families.AbcWgan;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Families.AbcWgan;

/// <summary>
/// The critic's WGAN-GP loss as the trainer computes it (every prefix scored, teacher-helped rows scored by one critic
/// step from the real prefix's state, the penalty on the mean prefix score at points between real and generated
/// rows), against the same loss written out plainly in PyTorch (python3-torch), one prefix and one row at a time:
/// the loss and every gradient of the critic agree.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class AbcWganLossTests
{
    [Fact]
    public void Critic_loss_and_its_gradients_match_pytorch_written_prefix_by_prefix()
    {
        const int Batch = 5, Free = 3, Length = 6, Hidden = 7;
        var v = AbcCharacterEncoding.VocabularySize;
        using var oracle = new PyTorchOracle();
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(17);
        using var critic = new AbcWganCritic(v, Hidden);
        var real = nn.functional.one_hot(torch.randint(0, v, [Batch, Length]), v).to_type(ScalarType.Float32);
        var fake = nn.functional.softmax(torch.randn(Free, Length, v) * 2, -1);
        var teacher = nn.functional.softmax(torch.randn(Batch - Free, Length, v) * 2, -1);
        var epsilon = torch.rand(Free, 1, 1);

        var (realScores, fakeScores) = AbcWganTrainer.Scores(critic, real, fake, teacher, Free);
        var loss = -(realScores.mean() - fakeScores.mean()) + 10 * AbcWganTrainer.Penalty(critic, real.narrow(0, 0, Free), fake, epsilon);
        loss.backward();

        var inputs = critic.state_dict().ToDictionary(kv => "param." + kv.Key, kv => kv.Value)
            .Concat([new("real", real), new("fake", fake), new("teacher", teacher), new("epsilon", epsilon)]);
        var py = oracle.Run(inputs, $$"""
            V, H, L, B, F = {{v}}, {{Hidden}}, {{Length}}, {{Batch}}, {{Free}}
            gru = torch.nn.GRU(V, H, batch_first=True)
            lin = torch.nn.Linear(H, 1)
            params = {k[6:]: t for k, t in IN.items() if k.startswith('param.')}
            gru.load_state_dict({k[4:]: t for k, t in params.items() if k.startswith('gru.')})
            lin.load_state_dict({k[6:]: t for k, t in params.items() if k.startswith('score.')})
            real, fake, teacher, eps = IN['real'], IN['fake'], IN['teacher'], IN['epsilon']
            def prefix_scores(x):  # the score after each character: the whole sequence up to it read from a zero state
                return torch.stack([lin(gru(x[:, :i + 1])[0][:, -1]).squeeze(-1) for i in range(x.shape[1])], 1)
            real_scores = prefix_scores(real)
            fake_scores = [prefix_scores(fake)]
            for r in range(B - F):  # teacher help: i-1 real characters, then the generator's i-th
                row = []
                for i in range(L):
                    x = torch.cat([real[F + r, :i], teacher[r, i:i + 1]], 0).unsqueeze(0)
                    row.append(lin(gru(x)[0][:, -1]).reshape(()))
                fake_scores.append(torch.stack(row).unsqueeze(0))
            fake_scores = torch.cat(fake_scores, 0)
            w = real_scores.mean() - fake_scores.mean()
            mixed = (eps * real[:F] + (1 - eps) * fake).detach().requires_grad_(True)
            g, = torch.autograd.grad(prefix_scores(mixed).mean(1).sum(), mixed, create_graph=True)
            gp = ((g.reshape(F, -1).norm(dim=1) - 1) ** 2).mean()
            loss = -w + 10 * gp
            loss.backward()
            OUT['loss'] = loss
            OUT['w'] = w
            for n, q in list(gru.named_parameters()) + list(lin.named_parameters()):
                OUT['grad.' + n] = q.grad
            """);
        TensorAssert.Close(py["loss"], loss, "loss");
        TensorAssert.Close(py["w"], realScores.mean() - fakeScores.mean(), "Wasserstein estimate");
        foreach (var (name, p) in critic.named_parameters())
            TensorAssert.Close(py["grad." + name.Replace("gru.", "").Replace("score.", "")], p.grad!, "grad of " + name);
    }
}
