// Compiled by MSBuild's RoslynCodeTaskFactory (LibTorch.targets); not part of any project.
using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Makes the build output's copy of TorchSharp's libLibTorchSharp.so load on a libstdc++ older than GCC 13 (Debian 12):
/// the library asks for GLIBCXX_3.4.32 for one symbol, std::ios_base_library_init(). On such a machine the copy gets
/// that symbol's version cleared, a needed library that defines the symbol (empty: GCC 12 initialises iostreams per
/// translation unit), rpath $ORIGIN, and the GLIBCXX_3.4.32 need marked weak. The weak flag is set last on a temporary
/// copy that then replaces the library, so a library with the flag is whole and the task leaves it alone.
/// </summary>
public class PatchLibTorchSharp : Task
{
    private const string Symbol = "_ZSt21ios_base_library_initv";
    private const string Version = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 2;

    /// <summary>The output folder's libLibTorchSharp.so.</summary>
    [Required] public string Library { get; set; } = "";

    /// <summary>ios_base_library_init.cpp.</summary>
    [Required] public string CompatSource { get; set; } = "";

    /// <summary>Where the compiled compat library is kept between builds (artifacts/native/...).</summary>
    [Required] public string CompatCache { get; set; } = "";

    public override bool Execute()
    {
        try
        {
            if (MachineHasVersion())
            {
                Log.LogMessage(MessageImportance.Low, $"libstdc++ has {Version}: {Library} needs no patch");
                return true;
            }
            var bytes = File.ReadAllBytes(Library);
            var flagOffset = FindVersionNeed(bytes);
            if (flagOffset < 0) return true; // a TorchSharp build that does not ask for the version
            var compat = Path.Combine(Path.GetDirectoryName(Library)!, Path.GetFileName(CompatCache));
            BuildCompat();
            if (!File.Exists(compat) || File.GetLastWriteTimeUtc(compat) < File.GetLastWriteTimeUtc(CompatCache)) ReplaceWith(CompatCache, compat, copy: true);
            if ((BitConverter.ToUInt16(bytes, flagOffset) & VerFlagWeak) != 0) return true; // patched already

            var temp = $"{Library}.{Process.GetCurrentProcess().Id}.tmp";
            File.Copy(Library, temp, overwrite: true);
            Run("patchelf", "--clear-symbol-version", Symbol, temp);
            Run("patchelf", "--add-needed", Path.GetFileName(compat), "--set-rpath", "$ORIGIN", temp);
            var patched = File.ReadAllBytes(temp);
            var offset = FindVersionNeed(patched);
            if (offset < 0) throw new InvalidOperationException($"{temp}: the {Version} need is gone after patchelf");
            patched[offset] |= (byte)VerFlagWeak;
            File.WriteAllBytes(temp, patched);
            ReplaceWith(temp, Library, copy: false);
            Log.LogMessage(MessageImportance.Normal, $"{Library}: patched to load on this machine's libstdc++ (no {Version})");
            return true;
        }
        catch (Exception e)
        {
            Log.LogError($"{Library}: cannot make it load on this machine's libstdc++ (no {Version}): {e.Message}");
            return false;
        }
    }

    private void BuildCompat()
    {
        if (File.Exists(CompatCache) && File.GetLastWriteTimeUtc(CompatCache) >= File.GetLastWriteTimeUtc(CompatSource)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(CompatCache)!);
        var temp = $"{CompatCache}.{Process.GetCurrentProcess().Id}.tmp";
        Run("g++", "-shared", "-fPIC", "-O2", "-o", temp, CompatSource);
        ReplaceWith(temp, CompatCache, copy: false);
    }

    private static void ReplaceWith(string source, string destination, bool copy)
    {
        if (copy)
        {
            var temp = $"{destination}.{Process.GetCurrentProcess().Id}.tmp";
            File.Copy(source, temp, overwrite: true);
            source = temp;
        }
        if (Rename(source, destination) != 0) throw new IOException($"cannot rename {source} to {destination} (errno {Marshal.GetLastWin32Error()})");
    }

    private static void Run(string tool, params string[] arguments)
    {
        // ArgumentList is missing from the netstandard surface; each argument double-quoted, as .NET splits Arguments.
        var quoted = string.Join(" ", Array.ConvertAll(arguments, a => "\"" + a.Replace("\"", "\\\"") + "\""));
        var start = new ProcessStartInfo(tool, quoted) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} not found (Debian: apt-get install {(tool == "g++" ? "g++" : tool)}; scripts/install-deps.sh installs it)");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(" ", arguments)} failed: {stderr.Trim()}");
        }
    }

    /// <summary>Offset of vna_flags of the library's GLIBCXX_3.4.32 need (.gnu.version_r), or -1 if it has none.</summary>
    private static int FindVersionNeed(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidOperationException("not a 64-bit little-endian ELF file");
        var sectionTable = (int)BitConverter.ToUInt64(elf, 0x28);
        var entrySize = BitConverter.ToUInt16(elf, 0x3A);
        var count = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < count; i++)
        {
            var header = sectionTable + i * entrySize;
            if (BitConverter.ToUInt32(elf, header + 4) != ShtGnuVerneed) continue;
            var offset = (int)BitConverter.ToUInt64(elf, header + 0x18);
            var strings = (int)BitConverter.ToUInt64(elf, sectionTable + (int)BitConverter.ToUInt32(elf, header + 0x28) * entrySize + 0x18);
            var needs = BitConverter.ToUInt32(elf, header + 0x2C); // sh_info: number of Verneed entries
            for (var n = 0; n < needs; n++)
            {
                var auxCount = BitConverter.ToUInt16(elf, offset + 2);
                var aux = offset + (int)BitConverter.ToUInt32(elf, offset + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    if (Name(elf, strings + (int)BitConverter.ToUInt32(elf, aux + 8)) == Version) return aux + 4;
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                offset += (int)BitConverter.ToUInt32(elf, offset + 12);
            }
        }
        return -1;
    }

    private static string Name(byte[] elf, int start)
    {
        var end = Array.IndexOf(elf, (byte)0, start);
        return Encoding.ASCII.GetString(elf, start, end - start);
    }

    // File.Move(..., overwrite) is missing from the netstandard surface inline tasks compile against; rename(2) is atomic.
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string source, string destination);

    [DllImport("libc", EntryPoint = "dlopen")]
    private static extern IntPtr DlOpen(string file, int mode);

    [DllImport("libc", EntryPoint = "dlvsym")]
    private static extern IntPtr DlVSym(IntPtr handle, string symbol, string version);

    /// <summary>Whether the libstdc++ this machine loads defines the symbol at the version the library asks for.</summary>
    private static bool MachineHasVersion()
    {
        const int RtldNow = 2;
        var handle = DlOpen("libstdc++.so.6", RtldNow);
        if (handle == IntPtr.Zero) throw new InvalidOperationException("libstdc++.so.6 cannot be loaded");
        return DlVSym(handle, Symbol, Version) != IntPtr.Zero;
    }
}
