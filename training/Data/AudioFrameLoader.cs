using Euterpe.Core;
using Euterpe.Core.Audio;

namespace Euterpe.Training.Data;

/// <summary>
/// Reads WAV files as the fft-lstm models see them: mixed to mono, resampled to <see cref="SampleRate"/> and cut into
/// codec frames (GRUV or STFT layout). Files that cannot be read are reported, not thrown, so one bad file does not stop a corpus.
/// </summary>
public sealed class AudioFrameLoader
{
    /// <summary>The rate every model in the fft-lstm family works at.</summary>
    public const int SampleRate = 16000;

    public AudioFrameLoader(AudioFrameCodec codec)
    {
        Codec = codec;
    }

    public AudioFrameCodec Codec { get; }

    /// <summary>Mono 16 kHz samples of one WAV file.</summary>
    public static float[] ReadMono16k(string path)
    {
        AudioBuffer audio = WavFile.Read(path);
        float[] mono = audio.MixToMono();
        return audio.SampleRate == SampleRate ? mono : SincResampler.Resample(mono, audio.SampleRate, SampleRate);
    }

    /// <summary>
    /// The frames of one file, each <see cref="AudioFrameCodec.FrameSize"/> floats. A file shorter than one frame at
    /// 16 kHz (0 or 1 samples included) is refused: it would be all padding, nothing a model can learn from; so is a
    /// file of digital silence (every sample 0), which would teach the model that silence is music.
    /// </summary>
    public float[][] LoadFrames(string path)
    {
        var samples = ReadMono16k(path);
        if (samples.Length < Codec.FrameLength)
            throw new EuterpeException($"{path}: {samples.Length} sample(s) at {SampleRate} Hz, shorter than one frame of {Codec.FrameLength}");
        if (!samples.AsSpan().ContainsAnyExcept(0f))
            throw new EuterpeException($"{path}: silent (every sample is 0)");
        return Codec.Encode(samples);
    }

    /// <summary>Frames of every *.wav under <paramref name="directory"/> (sorted by path); unreadable files go to <paramref name="skipped"/>.</summary>
    public IReadOnlyList<(string Path, float[][] Frames)> LoadDirectory(string directory, List<SkippedFile> skipped)
    {
        if (!Directory.Exists(directory))
            throw new EuterpeException($"{directory}: folder not found");
        var result = new List<(string, float[][])>();
        foreach (string file in Directory.EnumerateFiles(directory, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(directory, file);
            try
            {
                result.Add((relative, LoadFrames(file)));
            }
            catch (EuterpeException e)
            {
                skipped.Add(new SkippedFile(relative, e.Message));
            }
        }
        return result;
    }
}
