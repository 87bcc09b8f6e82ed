namespace Euterpe.Vst3;

/// <summary>Managed side of IBStream (ibstream.h), for streams we own.</summary>
public unsafe interface IBStream
{
    int Read(byte* buffer, int count, int* read);
    int Write(byte* buffer, int count, int* written);
    int Seek(long position, int mode, long* result);
    int Tell(long* position);
}
