namespace Euterpe.Core.Audio;

/// <summary>
/// Writes a WAV file block by block for renders too long to hold in memory. The header goes out first, blocks are
/// appended, and <see cref="Complete"/> patches the sizes, flushes to disk and renames the temporary file over the
/// target, so readers never see a half-written file (through a symbolic link, its target; a device or FIFO gets the
/// finished file in place). Failures name the caller's path, never the temporary file. Disposing without <see cref="Complete"/> abandons the render and
/// deletes the temporary file. The container is NAudio's <c>WaveFileWriter</c> (its <c>Write(ReadOnlySpan&lt;byte&gt;)</c>
/// allocates nothing per block); samples are encoded as <see cref="WavFile.Write(string, AudioBuffer, WavSampleFormat, bool)"/>
/// encodes them, and appending does not allocate.
/// </summary>
public sealed class StreamingWavWriter : IDisposable
{
    private readonly string _path;
    private readonly OutputTarget _target;
    private readonly string _temp;
    private readonly FileStream _stream;
    private readonly WavBlockWriter _writer;
    private bool _finished;

    public StreamingWavWriter(string path, int sampleRate, int channels, WavSampleFormat format, bool extensible = false)
    {
        _path = path;
        _target = OutputTarget.Of(path);
        // A device or FIFO cannot take a rename; its render is staged in the system's temporary folder and sent whole,
        // as the sizes in the header are only known at the end.
        var dir = _target.InPlace
            ? AtomicFile.PrepareFolder(path, Path.Combine(Path.GetTempPath(), "render.wav"))
            : AtomicFile.PrepareFolder(path, _target.FinalPath);
        _temp = AtomicFile.TempPath(dir, _target.InPlace ? "euterpe-render.wav" : _target.FinalPath);
        try
        {
            _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AtomicFile.CannotWrite(path, e, _temp);
        }
        try
        {
            _writer = new WavBlockWriter(_stream, sampleRate, channels, format, extensible);
        }
        catch (Exception e)
        {
            Abandon();
            if (e is IOException or UnauthorizedAccessException) throw AtomicFile.CannotWrite(path, e, _temp);
            throw;
        }

        SampleRate = sampleRate;
    }

    public int SampleRate { get; }

    public int Channels => _writer.Channels;

    /// <summary>Frames (samples per channel) written so far.</summary>
    public long FramesWritten => _writer.DataBytes / _writer.BytesPerFrame;

    /// <summary>Appends interleaved frames (c0 c1 c0 c1 ...; for mono, just the samples).</summary>
    public void WriteInterleaved(ReadOnlySpan<float> interleaved)
    {
        CheckRoom(interleaved.Length / Channels);
        try
        {
            _writer.WriteInterleaved(interleaved);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    /// <summary>Appends planar frames: one span per channel, all the same length.</summary>
    public void WritePlanar(ReadOnlySpan<float> left, ReadOnlySpan<float> right = default)
    {
        CheckRoom(left.Length);
        try
        {
            _writer.WritePlanar(left, right);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    /// <summary>Patches the sizes, flushes to disk and renames the file into place.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            _writer.Finish();
            if (_target.InPlace)
            {
                _stream.Position = 0;
                using (var device = IO.InPlaceOutput.Open(_path, _target.Kind))
                {
                    _stream.CopyTo(device, 1 << 16);
                }
                _stream.Dispose();
                File.Delete(_temp);
            }
            else
            {
                _stream.Flush(flushToDisk: true);
                _stream.Dispose();
                File.Move(_temp, _target.FinalPath, overwrite: true);
            }
            _finished = true;
        }
        catch (Exception e)
        {
            Abandon();
            if (e is IOException or UnauthorizedAccessException) throw AtomicFile.CannotWrite(_path, e, _temp);
            throw;
        }
    }

    public void Dispose()
    {
        if (!_finished)
        {
            Abandon();
        }
    }

    private void CheckRoom(long frames)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_writer.DataBytes + frames * _writer.BytesPerFrame > WavBlockWriter.MaxDataBytes)
        {
            throw new EuterpeException($"{_path}: render is longer than a WAV file can hold (4 GiB)");
        }
    }

    private EuterpeException Failed(IOException e)
    {
        Abandon();
        return AtomicFile.CannotWrite(_path, e, _temp);
    }

    private void Abandon()
    {
        // The NAudio writer is left unfinished on purpose: finishing would write to a stream being thrown away.
        _finished = true;
        _stream.Dispose();
        try { File.Delete(_temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
