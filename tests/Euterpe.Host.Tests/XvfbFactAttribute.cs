namespace Euterpe.Host.Tests;

/// <summary>A fact that opens windows on a virtual X server: skipped, saying why, where Xvfb is not installed.</summary>
public sealed class XvfbFactAttribute : FactAttribute
{
    public XvfbFactAttribute()
    {
        if (XvfbServer.Program() is null) Skip = $"{XvfbServer.Path}: not installed (Debian package xvfb; scripts/install-deps.sh installs it)";
    }
}
