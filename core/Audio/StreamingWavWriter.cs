namespace Euterpe.Core.Audio;

/// <summary>
/// Writes a WAV file block by block for renders too long to hold in memory. The header goes out first, blocks are
/// appended, and <see cref="Complete"/> patches the sizes, flushes to disk and renames the temporary file over the
/// target, so readers never see a half-written file. Disposing without <see cref="Complete"/> abandons the render and
/// deletes the temporary file. The container is NAudio's <c>WaveFileWriter</c> (its <c>Write(ReadOnlySpan&lt;byte&gt;)</c>
/// allocates nothing per block); samples are encoded as <see cref="WavFile.Write(string, AudioBuffer, WavSampleFormat, bool)"/>
/// encodes them, and appending does not allocate.
/// </summary>
public sealed class StreamingWavWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly FileStream _stream;
    private readonly WavBlockWriter _writer;
    private bool _finished;

    public StreamingWavWriter(string path, int sampleRate, int channels, WavSampleFormat format, bool extensible = false)
    {
        _path = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(dir);
        _temp = Path.Combine(dir, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            _writer = new WavBlockWriter(_stream, sampleRate, channels, format, extensible);
        }
        catch
        {
            Abandon();
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
        _writer.WriteInterleaved(interleaved);
    }

    /// <summary>Appends planar frames: one span per channel, all the same length.</summary>
    public void WritePlanar(ReadOnlySpan<float> left, ReadOnlySpan<float> right = default)
    {
        CheckRoom(left.Length);
        _writer.WritePlanar(left, right);
    }

    /// <summary>Patches the sizes, flushes to disk and renames the file into place.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            _writer.Finish();
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(_temp, _path, overwrite: true);
            _finished = true;
        }
        catch
        {
            Abandon();
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

    private void Abandon()
    {
        // The NAudio writer is left unfinished on purpose: finishing would write to a stream being thrown away.
        _finished = true;
        _stream.Dispose();
        try { File.Delete(_temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
