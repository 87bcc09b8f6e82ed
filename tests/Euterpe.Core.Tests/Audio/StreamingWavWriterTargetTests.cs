using Euterpe.Core.Audio;
using Euterpe.Core.IO;

namespace Euterpe.Core.Tests.Audio;

/// <summary>Where a streamed render goes: a directory refused, a device or FIFO written in place, what killed renders left removed.</summary>
public sealed class StreamingWavWriterTargetTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-render-target-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_directory_is_refused_by_its_name()
    {
        var dir = _folder.Path("take.wav");
        Directory.CreateDirectory(dir);
        var e = Assert.Throws<EuterpeException>(() => new StreamingWavWriter(dir, 48000, 2, WavSampleFormat.Float32));
        Assert.Equal($"{dir}: is a directory", e.Message);
        Assert.Equal([dir], Directory.GetFileSystemEntries(_folder.Root));
    }

    [Fact]
    public async Task A_fifo_gets_the_whole_wav_in_place()
    {
        var fifo = _folder.File("take.wav");
        ProcessRunner.Run("mkfifo", [fifo]).EnsureSuccess();
        var audio = WavFileTests.GridAudio(WavSampleFormat.Pcm16, 2, 10_000, seed: 5);
        var read = Task.Run(() => File.ReadAllBytes(fifo));
        using (var writer = new StreamingWavWriter(fifo, audio.SampleRate, 2, WavSampleFormat.Pcm16))
        {
            writer.WritePlanar(audio.Channels[0], audio.Channels[1]);
            writer.Complete();
        }
        var got = WavFile.Read(new MemoryStream(await read.WaitAsync(TimeSpan.FromSeconds(30))), "pipe", out _);
        Assert.Equal(audio.Channels[1], got.Channels[1]);
        Assert.Equal(FileKind.Fifo, FileStatus.Of(fifo).Kind);
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_folder.Root));
    }

    [Fact]
    public async Task A_fifo_no_process_reads_is_refused_after_the_wait_and_the_render_removed()
    {
        var fifo = _folder.File("take.wav");
        ProcessRunner.Run("mkfifo", [fifo]).EnsureSuccess();
        var writer = new StreamingWavWriter(fifo, 48000, 2, WavSampleFormat.Pcm16);
        writer.WritePlanar(new float[480], new float[480]);
        var complete = Task.Run(() => Assert.Throws<EuterpeException>(writer.Complete).Message);
        try
        {
            Assert.Equal($"{fifo}: no process reads this FIFO", await complete.WaitAsync(InPlaceOutput.ReaderWait + TimeSpan.FromSeconds(20)));
        }
        finally
        {
            if (!complete.IsCompleted) _ = Task.Run(() => File.ReadAllBytes(fifo)); // unblocks the writer the bug left waiting
            writer.Dispose();
        }
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_folder.Root));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $".euterpe-render.wav.{Environment.ProcessId}.*"));
    }

    [Fact]
    public void A_link_to_dev_null_stays_a_link_to_the_device()
    {
        var link = _folder.File("null.wav");
        File.CreateSymbolicLink(link, "/dev/null");
        using (var writer = new StreamingWavWriter(link, 48000, 1, WavSampleFormat.Float32))
        {
            writer.WritePlanar(new float[4800]);
            writer.Complete();
        }
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Equal(FileKind.CharacterDevice, FileStatus.Of("/dev/null").Kind);
        Assert.Equal([link], Directory.GetFileSystemEntries(_folder.Root));
    }

    [Fact]
    public void A_killed_renders_temporary_file_goes_with_the_next_render_into_the_folder()
    {
        var exited = ProcessRunner.Run("true", []).ProcessId;
        var abandoned = _folder.File($".take.wav.{exited}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(abandoned, new byte[1 << 20]);
        var target = _folder.File("take.wav");
        using (var writer = new StreamingWavWriter(target, 48000, 1, WavSampleFormat.Float32))
        {
            writer.WritePlanar(new float[480]);
            writer.Complete();
        }
        Assert.Equal([target], Directory.GetFileSystemEntries(_folder.Root));
    }
}
