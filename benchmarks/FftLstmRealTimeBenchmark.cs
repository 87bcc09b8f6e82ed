using System.Diagnostics;
using System.Globalization;
using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Presets;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.FftLstm;
using Euterpe.Training.Torch;
using TorchSharp;

namespace Euterpe.Benchmarks;

/// <summary>
/// Real-time factor of the raw-audio models: seconds of audio generated per wall-clock second, through the whole
/// path the plug-in's worker runs (ONNX Runtime frame step with state carried, inverse FFT, overlap-add, level
/// control). Each architecture at the shipped size (STFT 512/256, 256 units) on one thread, and at the published
/// size (GRUV 4000-sample frames = 8000 values, 2048-unit LSTMs) on one and on two threads. Weights are random:
/// speed does not depend on them.
///   dotnet run -c Release --project benchmarks -- fft-lstm-rtf [SECONDS=20] [ARCH…]
/// </summary>
public static class FftLstmRealTimeBenchmark
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var archs = args.Length > 1 ? args[1..] : [.. FftLstmConfig.Architectures];
        Console.WriteLine($"{"arch",-9} {"size",-10} {"frames",-12} {"params",12} {"threads",7} {"RTF",9}");
        foreach (var arch in archs)
        {
            Measure(arch, "small", "stft", 512, 256, seconds, [1]);
            Measure(arch, "published", "gruv", 4000, 4000, seconds, [1, 2]);
        }
        return 0;
    }

    private static void Measure(string arch, string size, string layout, int frameLength, int hop, double seconds, int[] threads)
    {
        var codec = AudioFramePreset.CreateCodec(layout, frameLength, hop);
        var config = FftLstmConfig.Named(size, arch, codec.FrameSize);
        var folder = Directory.CreateTempSubdirectory("euterpe-rtf-").FullName;
        long parameters;
        try
        {
            TorchRuntime.EnsureLoaded();
            torch.manual_seed(1);
            using (var model = new FftLstmModel(config))
            {
                model.eval();
                parameters = model.parameters().Sum(p => p.numel());
                FftLstmOnnxGraph.Build(model, []).Save(Path.Combine(folder, Preset.ModelFileName));
            }
            var run = new FftLstmRunConfig { Arch = arch, Config = size, SampleRate = 16000, FrameLayout = layout, FrameLength = frameLength, Hop = hop };
            FftLstmExporter.Manifest(config, run, "rtf", null, "rtf", 0, null).Save(Path.Combine(folder, Preset.ManifestFileName));
            foreach (var t in threads)
            {
                using var stream = new AudioFrameStream(AudioFramePreset.Open(Preset.Open(folder), InferenceOptions.Default with { IntraOpThreads = t }));
                stream.Restart(1);
                var hopBuffer = new float[stream.HopLength];
                for (var i = 0; i < 3; i++) stream.NextHop(hopBuffer); // warm-up
                var hops = (int)Math.Ceiling(seconds * stream.SampleRate / stream.HopLength);
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < hops; i++) stream.NextHop(hopBuffer);
                var rtf = hops * (double)stream.HopLength / stream.SampleRate / clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{arch,-9} {size,-10} {layout + " " + frameLength + "/" + hop,-12} {parameters,12:N0} {t,7} {rtf,8:0.0}×"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
