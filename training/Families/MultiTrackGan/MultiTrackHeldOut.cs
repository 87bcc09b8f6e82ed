using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Training.Data;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// Scores <see cref="MultiTrackHeldOutPoint"/>s. Reads no torch random numbers and updates no batch-norm statistics
/// (the generator runs in eval mode and is put back in train mode), so a run scored this way trains exactly as one
/// that is not.
/// </summary>
public sealed class MultiTrackHeldOut(MultiTrackClips heldOut, MultiTrackClips train, int latent, int batch, Device device)
{
    /// <summary>Clips scored in each set at most: the mma corpus holds 41 held-out clips.</summary>
    public const int MaxClips = 64;

    private readonly byte[] _cells = new byte[MultiTrackEncoding.CellsPerClip];

    public int Count => Math.Min(MaxClips, Math.Min(heldOut.Count, train.Count));

    public MultiTrackHeldOutPoint Score(MultiTrackGanModel model, long step)
    {
        var n = Count;
        using var noGrad = no_grad();
        model.generator.eval();
        try
        {
            return new MultiTrackHeldOutPoint(step, Mean(model.critic, n, (i, row) => Read(heldOut, i, row)),
                Mean(model.critic, n, (i, row) => Read(train, i, row)), Generated(model, n));
        }
        finally
        {
            model.generator.train();
        }
    }

    private void Read(MultiTrackClips clips, int index, Span<float> row)
    {
        clips.Read(index, _cells);
        for (var i = 0; i < _cells.Length; i++) row[i] = _cells[i];
    }

    private double Mean(MultiTrackCritic critic, int n, Action<int, Span<float>> fill)
    {
        var sum = 0.0;
        for (var start = 0; start < n; start += batch)
        {
            var b = Math.Min(batch, n - start);
            var values = new float[b * MultiTrackEncoding.CellsPerClip];
            for (var k = 0; k < b; k++) fill(start + k, values.AsSpan(k * MultiTrackEncoding.CellsPerClip, MultiTrackEncoding.CellsPerClip));
            using var scope = NewDisposeScope();
            var x = tensor(values, [b, MultiTrackEncoding.Tracks, MultiTrackEncoding.Steps, MultiTrackEncoding.Pitches]).to(device);
            sum += critic.Scores(x).sum().item<float>();
        }
        return n == 0 ? double.NaN : sum / n;
    }

    private double Generated(MultiTrackGanModel model, int n)
    {
        // The same noise at every point: our own generator, not torch's, whose state the training steps own.
        var random = new RandomSource(0x4E01_D0E5);
        var sum = 0.0;
        for (var start = 0; start < n; start += batch)
        {
            var b = Math.Min(batch, n - start);
            var z = new float[b * latent];
            random.FillGaussian(z);
            using var scope = NewDisposeScope();
            sum += model.critic.Scores(model.generator.Clips(tensor(z, [b, latent]).to(device))).sum().item<float>();
        }
        return n == 0 ? double.NaN : sum / n;
    }
}
