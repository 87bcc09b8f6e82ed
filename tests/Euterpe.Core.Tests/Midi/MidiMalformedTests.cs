using Euterpe.Core.Midi;

namespace Euterpe.Core.Tests.Midi;

/// <summary>Each kind of broken file fails with <see cref="MidiFormatException"/> at the offset where it breaks.</summary>
public class MidiMalformedTests
{
    private const int Body = MidiBytes.FirstTrackBody;

    public static TheoryData<string, byte[], long, string> Cases() => new()
    {
        { "empty", [], 0, "empty file" },
        { "not midi", "RIFF\0\0\0\0WAVEfmt "u8.ToArray(), 0, "not a MIDI file" },
        { "only magic", "MThd"u8.ToArray(), 4, "ends inside the header" },
        { "short header length", MidiBytes.File(MidiBytes.Header(0, 1, 96, length: 5)), 4, "less than 6" },
        { "header length past end", MidiBytes.WithUInt32(MidiBytes.File(MidiBytes.Header(0, 1, 96), MidiBytes.Track(MidiBytes.EndOfTrack)), 4, 100), 4, "header chunk length" },
        { "format 3", MidiBytes.File(MidiBytes.Header(3, 1, 96), MidiBytes.Track(MidiBytes.EndOfTrack)), 8, "unsupported format 3" },
        { "zero division", MidiBytes.File(MidiBytes.Header(0, 1, 0), MidiBytes.Track(MidiBytes.EndOfTrack)), 12, "division of 0" },
        { "bad smpte rate", MidiBytes.File(MidiBytes.Header(0, 1, 0xE504), MidiBytes.Track(MidiBytes.EndOfTrack)), 12, "SMPTE frame rate 27" },
        { "chunk length past end", MidiBytes.File(MidiBytes.Header(0, 1, 96), MidiBytes.Chunk("MTrk", MidiBytes.EndOfTrack, declaredLength: 0xFFFF_FFF0)), 18, "chunk length 4294967280 runs past" },
        { "truncated file", MidiBytes.File(MidiBytes.Header(0, 1, 96), MidiBytes.Track([0x00, 0x90, 0x3C, 0x40, 0x60, 0x3C, 0x00, .. MidiBytes.EndOfTrack]))[..^3], 18, "runs past the end of the file" },
        { "missing track", MidiBytes.File(MidiBytes.Header(1, 2, 96), MidiBytes.Track(MidiBytes.EndOfTrack)), 26, "after 1 of 2 tracks" },
        { "truncated chunk header", MidiBytes.File(MidiBytes.Header(1, 2, 96), MidiBytes.Track(MidiBytes.EndOfTrack), "MTr"u8.ToArray()), 29, "inside a chunk header" },
        { "running status without status", MidiBytes.SingleTrack([0x00, 0x3C, 0x40, .. MidiBytes.EndOfTrack]), Body + 1, "no running status" },
        { "running status after sysex", MidiBytes.SingleTrack([0x00, 0xF0, 0x01, 0xF7, 0x00, 0x3C, 0x40, .. MidiBytes.EndOfTrack]), Body + 5, "no running status" },
        { "data byte above 127", MidiBytes.SingleTrack([0x00, 0x90, 0x3C, 0x80, .. MidiBytes.EndOfTrack]), Body + 3, "0x80 is greater than 127" },
        { "first data byte above 127", MidiBytes.SingleTrack([0x00, 0xC0, 0x90, .. MidiBytes.EndOfTrack]), Body + 2, "0x90 is greater than 127" },
        { "five byte delta", MidiBytes.SingleTrack([0x81, 0x81, 0x81, 0x81, 0x00, 0x90, 0x3C, 0x40, .. MidiBytes.EndOfTrack]), Body, "longer than 4 bytes" },
        { "five byte meta length", MidiBytes.SingleTrack([0x00, 0xFF, 0x01, 0x80, 0x80, 0x80, 0x80, 0x00]), Body + 3, "longer than 4 bytes" },
        { "chunk ends in message", MidiBytes.SingleTrack([0x00, 0x90, 0x3C]), Body + 3, "inside a channel message" },
        { "chunk ends after delta", MidiBytes.SingleTrack([0x00, 0x90, 0x3C, 0x40, 0x10]), Body + 5, "inside an event" },
        { "chunk ends in delta", MidiBytes.SingleTrack([0x00, 0x90, 0x3C, 0x40, 0x81]), Body + 5, "inside a variable-length quantity" },
        { "meta length past chunk", MidiBytes.SingleTrack([0x00, 0xFF, 0x03, 0x10, 0x41, .. MidiBytes.EndOfTrack]), Body + 3, "meta event length 16 runs past" },
        { "sysex length past chunk", MidiBytes.SingleTrack([0x00, 0xF0, 0x7F, 0x41, 0xF7]), Body + 2, "SysEx message length 127 runs past" },
        { "system common status", MidiBytes.SingleTrack([0x00, 0xF2, 0x00, 0x00, .. MidiBytes.EndOfTrack]), Body + 1, "0xF2 is not allowed" },
        { "short tempo", MidiBytes.SingleTrack([0x00, 0xFF, 0x51, 0x02, 0x07, 0xA1, .. MidiBytes.EndOfTrack]), Body, "tempo meta event has 2 data bytes" },
        { "zero tempo", MidiBytes.SingleTrack([0x00, 0xFF, 0x51, 0x03, 0x00, 0x00, 0x00, .. MidiBytes.EndOfTrack]), Body, "tempo of 0" },
        { "bad time signature", MidiBytes.SingleTrack([0x00, 0x90, 0x3C, 0x40, 0x00, 0xFF, 0x58, 0x04, 0x04, 0x40, 0x18, 0x08, .. MidiBytes.EndOfTrack]), Body + 4, "denominator 2^64" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FailsAtTheOffsetOfTheProblem(string name, byte[] data, long offset, string problem)
    {
        var ex = Assert.Throws<MidiFormatException>(() => MidiFileReader.Read(data, "song.mid"));
        Assert.True(ex.Offset == offset, $"{name}: offset {ex.Offset}, expected {offset} ({ex.Message})");
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
        Assert.Equal($"song.mid: {ex.Problem} (offset {offset})", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void AHugeChunkLengthIsAnErrorNotAnAllocation()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var data = MidiBytes.File(MidiBytes.Header(0, 1, 96), MidiBytes.Chunk("MTrk", MidiBytes.EndOfTrack, declaredLength: 0x7FFF_FFFF));
        Assert.Throws<MidiFormatException>(() => MidiFileReader.Read(data, "huge.mid"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "a lying chunk length allocated memory");
    }

    [Fact]
    public void AMissingFileIsOneFileNotFoundLine()
    {
        // Read through InputFile, as every user file is: one EuterpeException naming the path, not .NET's FileNotFoundException.
        var path = Path.Combine(Path.GetTempPath(), $"euterpe-missing-{Guid.NewGuid():N}.mid");
        Assert.Equal($"{path}: file not found", Assert.Throws<EuterpeException>(() => MidiFileReader.Read(path)).Message);
    }

    [Fact]
    public void ErrorsFromAPathNameThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"euterpe-bad-{Guid.NewGuid():N}.mid");
        File.WriteAllBytes(path, "MThd"u8.ToArray());
        try
        {
            var ex = Assert.Throws<MidiFormatException>(() => MidiFileReader.Read(path));
            Assert.Equal($"{path}: file ends inside the header chunk (offset 4)", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
