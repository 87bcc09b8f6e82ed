namespace Euterpe.Core.Audio;

/// <summary>
/// Writes a WAV file block by block for renders too long to hold in memory. The header goes out first with
/// placeholder sizes, blocks are appended, and <see cref="Complete"/> patches the sizes, flushes to disk and
/// renames the temporary file over the target, so readers never see a half-written file. Disposing without
/// <see cref="Complete"/> abandons the render and deletes the temporary file. Appending does not allocate.
/// </summary>
public sealed class StreamingWavWriter : IDisposable
{
    private const int BlockBytes = 1 << 16;

    private readonly string _path;
    private readonly string _temp;
    private readonly FileStream _stream;
    private readonly WavSampleFormat _format;
    private readonly bool _extensible;
    private readonly int _bytesPerSample;
    private readonly byte[] _bytes;
    private readonly float[] _interleaved;
    private long _dataBytes;
    private bool _finished;

    public StreamingWavWriter(string path, int sampleRate, int channels, WavSampleFormat format, bool extensible = false)
    {
        WavFile.CheckWritable(channels, sampleRate);
        _bytesPerSample = WavSampleCodec.BytesPerSample(format);
        _path = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(dir);
        _temp = Path.Combine(dir, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _format = format;
        _extensible = extensible;
        SampleRate = sampleRate;
        Channels = channels;
        _bytes = new byte[BlockBytes];
        _interleaved = new float[BlockBytes / _bytesPerSample / channels * channels];
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BlockBytes);
        try
        {
            WriteHeader();
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>Frames (samples per channel) written so far.</summary>
    public long FramesWritten => _dataBytes / (_bytesPerSample * Channels);

    /// <summary>Appends interleaved frames (c0 c1 c0 c1 ...; for mono, just the samples).</summary>
    public void WriteInterleaved(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (interleaved.Length % Channels != 0)
        {
            throw new ArgumentException("interleaved length is not a multiple of the channel count", nameof(interleaved));
        }

        var chunk = _bytes.Length / _bytesPerSample / Channels * Channels;
        while (!interleaved.IsEmpty)
        {
            var count = Math.Min(chunk, interleaved.Length);
            AppendEncoded(interleaved[..count]);
            interleaved = interleaved[count..];
        }
    }

    /// <summary>Appends planar frames: one span per channel, all the same length.</summary>
    public void WritePlanar(ReadOnlySpan<float> left, ReadOnlySpan<float> right = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (Channels == 1)
        {
            if (!right.IsEmpty)
            {
                throw new ArgumentException("a mono writer takes one channel", nameof(right));
            }

            WriteInterleaved(left);
            return;
        }

        if (left.Length != right.Length)
        {
            throw new ArgumentException("stereo channels must have the same length", nameof(right));
        }

        var framesPerChunk = _interleaved.Length / 2;
        for (var start = 0; start < left.Length; start += framesPerChunk)
        {
            var frames = Math.Min(framesPerChunk, left.Length - start);
            for (var i = 0; i < frames; i++)
            {
                _interleaved[2 * i] = left[start + i];
                _interleaved[2 * i + 1] = right[start + i];
            }

            AppendEncoded(_interleaved.AsSpan(0, frames * 2));
        }
    }

    /// <summary>Patches the sizes, flushes to disk and renames the file into place.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            if ((_dataBytes & 1) != 0)
            {
                _stream.WriteByte(0);
            }

            _stream.Seek(0, SeekOrigin.Begin);
            WriteHeader();
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

    private void AppendEncoded(ReadOnlySpan<float> samples)
    {
        var byteCount = samples.Length * _bytesPerSample;
        if (_dataBytes + byteCount > WavHeader.MaxDataBytes)
        {
            throw new EuterpeException($"{_path}: render is longer than a WAV file can hold (4 GiB)");
        }

        WavSampleCodec.Encode(samples, _bytes, _format);
        _stream.Write(_bytes, 0, byteCount);
        _dataBytes += byteCount;
    }

    private void WriteHeader()
    {
        Span<byte> header = stackalloc byte[WavHeader.Size(_format, _extensible)];
        WavHeader.Write(header, _format, Channels, SampleRate, _dataBytes, _extensible);
        _stream.Write(header);
    }

    private void Abandon()
    {
        _finished = true;
        _stream.Dispose();
        try { File.Delete(_temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
