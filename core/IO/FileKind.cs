namespace Euterpe.Core.IO;

/// <summary>What a path names once symbolic links are followed (the file type bits of <c>stat</c>).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
}
