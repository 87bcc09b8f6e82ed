namespace Euterpe.Training.Tests.Data;

/// <summary>The real music the training tests read: Debian's OpenMSX MIDI songs and abcmidi's ABC examples.</summary>
public static class Corpora
{
    public const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";
    public const string AbcExamples = "/usr/share/doc/abcmidi/examples";

    public static void RequireOpenMsx() =>
        Assert.True(Directory.Exists(OpenMsx), $"{OpenMsx} is missing: install the Debian package openttd-openmsx (scripts/install-deps.sh)");
}
