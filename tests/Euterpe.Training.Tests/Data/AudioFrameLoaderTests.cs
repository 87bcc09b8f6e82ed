using Euterpe.Core.Audio;
using Euterpe.Training.Data;

namespace Euterpe.Training.Tests.Data;

public sealed class AudioFrameLoaderTests
{
    /// <summary>Renders the first 4 s of an OpenMSX song at 44.1 kHz stereo with fluidsynth (real audio), and sox's own 16 kHz mono version of it.</summary>
    private static (string Stereo44k, string Sox16k) Render(TempFolder corpus)
    {
        var full = corpus.Path("full.wav");
        RenderedAudio.RenderSong("be_sharp_bw_redfarn", full);
        var stereo = corpus.Path("audio", "song.wav");
        Directory.CreateDirectory(corpus.Path("audio"));
        ProcessRunner.Output("sox", full, "-b", "16", stereo, "trim", "0", "4");
        var mono16 = corpus.Path("sox16k.wav");
        ProcessRunner.Output("sox", stereo, "-r", "16000", "-c", "1", "-e", "floating-point", "-b", "32", mono16);
        return (stereo, mono16);
    }

    [Fact]
    public void Rendered_song_is_mixed_to_mono_resampled_like_sox_and_cut_into_gruv_frames()
    {
        using var corpus = new TempFolder("euterpe-data-");
        var (stereo, sox16k) = Render(corpus);
        Assert.Equal(2, WavFile.Read(stereo).ChannelCount);

        float[] ours = AudioFrameLoader.ReadMono16k(stereo);
        float[] theirs = WavFile.Read(sox16k).Channels[0];
        Assert.InRange(ours.Length, theirs.Length - 2, theirs.Length + 2);
        // Independent resampler (sox): the two 16 kHz signals must agree closely (both band-limit near 8 kHz).
        int n = Math.Min(ours.Length, theirs.Length);
        double err = 0, energy = 0;
        for (int i = 0; i < n; i++) { err += (ours[i] - theirs[i]) * (double)(ours[i] - theirs[i]); energy += theirs[i] * (double)theirs[i]; }
        Assert.True(energy > 1e-3, "rendered audio is silent");
        Assert.True(err / energy < 0.01, $"relative error vs sox {err / energy}");

        var loader = new AudioFrameLoader(new GruvFrameCodec(4000));
        float[][] frames = loader.LoadFrames(stereo);
        Assert.Equal(16, frames.Length); // 4 s at 16 kHz in 0.25 s frames
        Assert.All(frames, f => Assert.Equal(loader.Codec.FrameSize, f.Length));
        float[] back = loader.Codec.Decode(frames, ours.Length);
        double maxDiff = 0;
        for (int i = 0; i < ours.Length; i++) maxDiff = Math.Max(maxDiff, Math.Abs(back[i] - ours[i]));
        Assert.True(maxDiff < 1e-4, $"GRUV frames do not decode back to the audio ({maxDiff})");
    }

    [Fact]
    public void Folder_load_reports_a_corrupt_wav_and_keeps_the_good_one()
    {
        using var corpus = new TempFolder("euterpe-data-");
        Render(corpus);
        File.WriteAllText(corpus.Path("audio", "broken.wav"), "RIFF not really");
        var skipped = new List<SkippedFile>();
        var files = new AudioFrameLoader(new StftFrameCodec(512, 256)).LoadDirectory(corpus.Path("audio"), skipped);
        Assert.Equal("song.wav", Assert.Single(files).Path);
        Assert.Equal("broken.wav", Assert.Single(skipped).Path);
        Assert.Equal(514, files[0].Frames[0].Length);
    }

    [Fact]
    public void Frame_cache_splits_by_file_and_numpy_reads_the_frames_the_loader_made()
    {
        using var corpus = new TempFolder("euterpe-data-");
        var (stereo, _) = Render(corpus);
        File.Copy(stereo, corpus.Path("audio", "copy.wav"));
        var manifest = AudioFrameCache.Prepare(corpus.Path("audio"), "stft", 512, 256, 0.5, 1, corpus.Path("cache"));
        Assert.Single(manifest.TrainFiles);
        Assert.Single(manifest.ValidationFiles);
        Assert.Equal(514, manifest.FrameSize);
        var expected = new AudioFrameLoader(new StftFrameCodec(512, 256)).LoadFrames(stereo);
        // numpy (independent .npy reader) sees the same shape and values.
        var numpy = PythonRunner.Run(["-c", $"import numpy as n; a=n.load('{corpus.Path("cache", "train.frames.npy")}'); o=n.load('{corpus.Path("cache", "train.offsets.npy")}'); print(a.shape[0], a.shape[1], o[-1], repr(float(a[5, 7])))"]);
        var fields = numpy.Stdout.Trim().Split(' ');
        Assert.Equal(0, numpy.ExitCode);
        Assert.Equal(expected.Length, int.Parse(fields[0]));
        Assert.Equal(514, int.Parse(fields[1]));
        Assert.Equal(expected.Length, int.Parse(fields[2]));
        Assert.Equal(expected[5][7], float.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture), 6);
    }
}

