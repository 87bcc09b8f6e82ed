using BenchmarkDotNet.Attributes;
using Euterpe.Core.Audio;

namespace Euterpe.Benchmarks;

/// <summary>
/// Throughput of the audio DSP on 10 seconds of noise: offline and block-streaming resampling, STFT encoding
/// and decoding (offline overlap-add and the per-frame streaming decoder the plugin uses).
/// Seconds of audio per second of CPU = 10 / (mean in seconds).
/// </summary>
[MemoryDiagnoser]
public class AudioBenchmarks
{
    private const int Seconds = 10;
    private float[] _at44k = [];
    private float[] _at16k = [];
    private float[][] _stftFrames = [];
    private StftFrameCodec _stft = null!;
    private SincResampler _streaming = null!;
    private StreamingOverlapAddDecoder _decoder = null!;
    private float[] _block = [];
    private float[] _hop = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _at44k = Enumerable.Range(0, 44100 * Seconds).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        _at16k = Enumerable.Range(0, 16000 * Seconds).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        _stft = new StftFrameCodec(1024, 256);
        _stftFrames = _stft.Encode(_at16k);
        _streaming = new SincResampler(16000, 44100);
        _block = new float[_streaming.MaxOutputLength(512)];
        _decoder = new StreamingOverlapAddDecoder(_stft);
        _hop = new float[256];
    }

    [Benchmark(Description = "resample 44.1k->16k offline, 10 s")]
    public float[] ResampleDown() => SincResampler.Resample(_at44k, 44100, 16000);

    [Benchmark(Description = "resample 16k->44.1k streaming 512-sample blocks, 10 s")]
    public int ResampleUpStreaming()
    {
        var total = 0;
        var input = _at16k.AsSpan();
        for (var start = 0; start < input.Length; start += 512)
        {
            total += _streaming.Process(input.Slice(start, Math.Min(512, input.Length - start)), _block);
        }

        return total + _streaming.Flush(_block);
    }

    [Benchmark(Description = "STFT encode N=1024 hop=256, 10 s at 16k")]
    public float[][] StftEncode() => _stft.Encode(_at16k);

    [Benchmark(Description = "STFT decode (offline OLA), 10 s at 16k")]
    public float[] StftDecode() => _stft.Decode(_stftFrames);

    [Benchmark(Description = "STFT streaming decode per frame, 10 s at 16k")]
    public float StftStreamingDecode()
    {
        foreach (var frame in _stftFrames)
        {
            _decoder.PushFrame(frame, _hop);
        }

        return _hop[0];
    }
}
