using System.Buffers.Binary;
using System.Text;
using Euterpe.Core;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Torch;

public sealed class SafetensorsTests : IDisposable
{
    private readonly PyTorchOracle oracle = new();
    private readonly IDisposable scope;

    public SafetensorsTests()
    {
        TorchRuntime.EnsureLoaded();
        scope = torch.NewDisposeScope();
    }

    public void Dispose()
    {
        scope.Dispose();
        oracle.Dispose();
    }

    private string TempFile(string name) => Path.Combine(oracle.WorkDir, name);

    [Fact]
    public void Round_trip_keeps_dtypes_shapes_values_and_metadata()
    {
        var path = TempFile("round.safetensors");
        var tensors = new Dictionary<string, Tensor>
        {
            ["f"] = torch.randn(3, 4),
            ["l"] = torch.tensor(new long[] { 1, -2, long.MaxValue }),
            ["i"] = torch.tensor(new[] { 7, 8, 9, 10 }, 2, 2),
            ["b"] = torch.tensor(new[] { true, false, true }),
            ["d"] = torch.tensor(new[] { Math.PI }),
            ["scalar"] = torch.tensor(2.5),
            ["empty"] = torch.zeros([0, 3]),
        };
        Safetensors.Save(path, tensors, new Dictionary<string, string> { ["note"] = "héllo \"json\"" });
        var (loaded, meta) = Safetensors.Load(path);
        Assert.Equal("héllo \"json\"", meta["note"]);
        Assert.Equal(tensors.Keys.Order(), loaded.Keys.Order());
        foreach (var (k, t) in tensors)
        {
            Assert.Equal(t.dtype, loaded[k].dtype);
            Assert.Equal(t.shape, loaded[k].shape);
            Assert.Equal(t.bytes.ToArray(), loaded[k].bytes.ToArray());
        }
        // Data starts 8-byte aligned, as the format's reference writer does it.
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(File.ReadAllBytes(path).AsSpan(0, 8));
        Assert.Equal(0UL, headerLength % 8);
    }

    [Fact]
    public void Checkpoint_is_readable_by_pytorch_users_and_restores_training_state()
    {
        torch.manual_seed(4);
        var path = TempFile("ckpt.safetensors");
        using var model = Model();
        using var adam = optim.Adam(model.parameters(), lr: 0.01);
        var x = torch.randn(5, 3);
        Train(model, adam, x, 3);
        TrainingCheckpoint.Save(path, model, adam, 3, "{\"hidden\": 4}");

        // PyTorch loads the "model." tensors into the same architecture and gets our outputs.
        var py = oracle.Run([new("x", x)], $$"""
            sd, meta = st_load({{Quote(path)}})
            m = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4), torch.nn.Linear(4, 2))
            m.load_state_dict({k[6:]: v for k, v in sd.items() if k.startswith('model.')})
            m.eval()
            OUT['y'] = m(IN['x'])
            OUT['step'] = torch.tensor([int(meta['step'])])
            OUT['hidden'] = torch.tensor([json.loads(meta['config'])['hidden']])
            OUT['exp_avg0'] = sd['optim.state.0.exp_avg']
            """);
        model.eval();
        TensorAssert.Close(py["y"], model.forward(x), "output of the reloaded model");
        Assert.Equal(3, py["step"].item<long>());
        Assert.Equal(4, py["hidden"].item<long>());
        model.train();

        // A fresh model + optimizer restored from the file continues exactly like the original.
        using var model2 = Model();
        using var adam2 = optim.Adam(model2.parameters(), lr: 0.5);
        var (step, config) = TrainingCheckpoint.Load(path, model2, adam2);
        Assert.Equal(3, step);
        Assert.Equal("{\"hidden\": 4}", config);
        TensorAssert.Close(py["exp_avg0"], OptimizerStateEntries.Tensors(adam2).First(kv => kv.Key == "state.0.exp_avg").Value, "restored optimizer state", 0, 0);
        Assert.Equal(0.01, adam2.ParamGroups.First().LearningRate);
        Train(model, adam, x, 2);
        Train(model2, adam2, x, 2);
        foreach (var (k, v) in model.state_dict()) TensorAssert.Close(v, model2.state_dict()[k], k, 0, 0);
    }

    [Fact]
    public void A_checkpoint_with_batch_norm_counters_loads_into_untracked_batch_norms()
    {
        var path = TempFile("tracked.safetensors");
        var tracked = nn.Sequential(("conv", nn.Conv2d(1, 3, 3)), ("bn", nn.BatchNorm2d(3)));
        tracked.train();
        tracked.call(torch.randn(4, 1, 6, 6));
        TrainingCheckpoint.Save(path, tracked, null, 7, "{}");
        Assert.Contains("bn.num_batches_tracked", tracked.state_dict().Keys);

        var untracked = nn.Sequential(("conv", nn.Conv2d(1, 3, 3)), ("bn", UntrackedBatchNorm.Of2d(3)));
        var (step, _) = TrainingCheckpoint.Load(path, untracked, null);
        Assert.Equal(7, step);
        var own = untracked.state_dict();
        foreach (var (name, value) in tracked.state_dict().Where(kv => !kv.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)))
            Assert.Equal(TensorAssert.Values<float>(value), TensorAssert.Values<float>(own[name]));
        // Any other name the model lacks is still refused.
        var other = nn.Sequential(("conv", nn.Conv2d(1, 3, 3)), ("norm", UntrackedBatchNorm.Of2d(3)));
        Assert.Contains("unexpected: bn.", Assert.Throws<EuterpeException>(() => TrainingCheckpoint.Load(path, other, null)).Message);
    }

    [Fact]
    public void Reads_a_file_written_by_pytorch()
    {
        var path = TempFile("from-python.safetensors");
        oracle.Run([], $$"""
            torch.manual_seed(0)
            st_save({{Quote(path)}}, {'w': torch.arange(6, dtype=torch.float32).reshape(2, 3), 'n': torch.tensor([5, 6])}, {'who': 'python'})
            """);
        var (t, meta) = Safetensors.Load(path);
        Assert.Equal("python", meta["who"]);
        Assert.Equal(new long[] { 2, 3 }, t["w"].shape);
        Assert.Equal(new[] { 0f, 1, 2, 3, 4, 5 }, TensorAssert.Values<float>(t["w"]));
        Assert.Equal(new long[] { 5, 6 }, TensorAssert.Values<long>(t["n"]));
    }

    [Fact]
    public void Corrupt_files_raise_one_line_errors_naming_the_file()
    {
        var good = TempFile("good.safetensors");
        Safetensors.Save(good, [new("a", torch.ones(4))]);
        var bytes = File.ReadAllBytes(good);

        var truncated = TempFile("truncated.safetensors");
        File.WriteAllBytes(truncated, bytes[..^4]);
        AssertFails(truncated, "offsets");

        var hugeHeader = TempFile("huge.safetensors");
        var copy = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(copy, ulong.MaxValue);
        File.WriteAllBytes(hugeHeader, copy);
        AssertFails(hugeHeader, "header length");

        var badJson = TempFile("json.safetensors");
        var header = System.Text.Encoding.UTF8.GetBytes("{not json}");
        File.WriteAllBytes(badJson, [.. BitConverter.GetBytes((ulong)header.Length), .. header]);
        AssertFails(badJson, "JSON");

        var wrongSize = TempFile("size.safetensors");
        var h2 = System.Text.Encoding.UTF8.GetBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}");
        File.WriteAllBytes(wrongSize, [.. BitConverter.GetBytes((ulong)h2.Length), .. h2, .. new byte[8]]);
        AssertFails(wrongSize, "shape needs 12");

        AssertFails(TempFile("missing.safetensors"), "no such file");
    }

    private static void AssertFails(string path, string expected)
    {
        var e = Assert.ThrowsAny<EuterpeException>(() => Safetensors.Load(path));
        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static TorchSharp.Modules.Sequential Model() => nn.Sequential(("0", nn.Linear(3, 4)), ("1", nn.BatchNorm1d(4)), ("2", nn.Linear(4, 2)));

    private static void Train(TorchSharp.Modules.Sequential model, optim.Optimizer optimizer, Tensor x, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            using var s = torch.NewDisposeScope();
            optimizer.zero_grad();
            model.forward(x).pow(2).mean().backward();
            optimizer.step();
        }
    }

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
