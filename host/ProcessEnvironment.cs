using System.Runtime.InteropServices;

namespace Euterpe.Host;

/// <summary>
/// Sets an environment variable for this process and for the plug-ins it loads. .NET keeps its own copy of the
/// environment once a variable is set, so <see cref="Environment.SetEnvironmentVariable(string, string?)"/> alone is not
/// seen by native code: a NativeAOT plug-in (ours) reads the C library's environment with getenv. Both are set here.
/// </summary>
public static partial class ProcessEnvironment
{
    public static void Set(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);
        var rc = string.IsNullOrEmpty(value) ? UnsetEnv(name) : SetEnv(name, value, 1);
        if (rc != 0) throw new InvalidOperationException($"cannot set {name} in the process environment (errno {Marshal.GetLastPInvokeError()})");
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int UnsetEnv(string name);
}
