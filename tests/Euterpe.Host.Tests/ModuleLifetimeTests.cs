using System.Runtime.InteropServices;

namespace Euterpe.Host.Tests;

/// <summary>
/// The NativeAOT module's life in one host process: two instances at once, ModuleExit stopping every thread of ours,
/// and load → unload → reload. Each instance plays a note with no model (Model "Off"): the note must sound in the very
/// block it arrives in. The model an instance loads before that is the n-gram preset (named in EUTERPE_PRESETS, so it
/// heads the list): it runs no ONNX model, and ONNX Runtime's first session leaves a thread of ONNX Runtime's own for the
/// rest of the process, which would be counted with ours (it is created by, and named after, the generator thread).
/// </summary>
[Collection(PluginInstanceCollection.Name)]
public sealed unsafe partial class ModuleLifetimeTests : IDisposable
{
    private readonly string? _presets = Environment.GetEnvironmentVariable(PresetChoice.SearchPathVariable);

    public ModuleLifetimeTests() =>
        ProcessEnvironment.Set(PresetChoice.SearchPathVariable, Path.Combine(TestData.Bundle(), "Contents", "Resources", "presets", "ngram-openmsx"));

    public void Dispose() => ProcessEnvironment.Set(PresetChoice.SearchPathVariable, _presets);

    // Linux keeps 15 bytes of a thread's name.
    private static readonly string GeneratorThread = "Euterpe generator"[..15];

    [Fact]
    public void Two_instances_in_one_process_play_apart_and_each_runs_its_own_generator()
    {
        var before = SettledGeneratorThreads();
        using var module = Vst3Module.Load(TestData.Bundle());
        using var first = Started(module);
        using var second = Started(module);
        AssertGeneratorThreads(before + 2);
        using var firstBuffers = new ProcessBuffers(first, 48000, 256);
        using var secondBuffers = new ProcessBuffers(second, 48000, 256);
        Assert.True(Block(first, firstBuffers, 0, note: 60) > 0.01f, "the first instance's note did not sound in its block");
        Assert.Equal(0f, Block(second, secondBuffers, 0, note: null));
        Assert.True(Block(second, secondBuffers, 256, note: 67) > 0.01f, "the second instance's note did not sound in its block");
        Assert.True(Block(first, firstBuffers, 256, note: null) > 0.01f, "the first instance's note stopped when the second played");
    }

    [Fact]
    public void ModuleExit_stops_the_generator_threads_of_instances_the_host_never_terminated()
    {
        var before = SettledGeneratorThreads();
        var module = Vst3Module.Load(TestData.Bundle());
        // Initialized, never terminated or released: a host that forgets its instances.
        var forgotten = Started(module);
        AssertGeneratorThreads(before + 1);
        module.Dispose();
        AssertGeneratorThreads(before, "after ModuleExit");
        GC.KeepAlive(forgotten);
    }

    [Fact]
    public void The_module_loads_unloads_and_loads_again_in_one_process_and_plays_each_time()
    {
        // As a DAW rescanning or reopening a project: dlopen, ModuleEntry, play, ModuleExit, dlclose, and again. The
        // library pins itself (ModuleEntry: RTLD_NODELETE, a NativeAOT runtime cannot be unloaded), so a dlclose that
        // drops the last reference leaves it mapped and the next dlopen finds it, and its factory, as they were.
        var bundle = TestData.Bundle();
        var library = Vst3Module.FindLibrary(bundle);
        var before = SettledGeneratorThreads();
        for (var round = 0; round < 3; round++)
        {
            using (var module = Vst3Module.Load(bundle))
            using (var plugin = Started(module))
            using (var buffers = new ProcessBuffers(plugin, 48000, 256))
                Assert.True(Block(plugin, buffers, 0, note: (short)(60 + round)) > 0.01f, $"round {round}: the note did not sound");
            AssertGeneratorThreads(before, $"round {round}, instance released");
            // Vst3Module never dlcloses: close its reference here (dlopen gives the same handle; RTLD_NOLOAD adds one).
            var handle = DlOpen(library, RtldNow | RtldNoLoad);
            Assert.NotEqual(0, handle);
            Assert.Equal(0, DlClose(handle));
            Assert.Equal(0, DlClose(handle));
            var mapped = DlOpen(library, RtldNow | RtldNoLoad);
            Assert.True(mapped != 0, $"round {round}: {library} was unmapped by dlclose (it must pin itself)");
            DlClose(mapped);
        }
    }

    private static PluginInstance Started(Vst3Module module)
    {
        var plugin = PluginInstance.Create(module);
        plugin.Start(48000, 256, offline: true);
        return plugin;
    }

    /// <summary>One block (Model set to "Off" in it), with a note-on at its first sample if given; the block's peak.</summary>
    private static float Block(PluginInstance plugin, ProcessBuffers buffers, long sample, short? note)
    {
        buffers.BeginBlock(256, sample, 120, 4, 4, playing: true);
        var model = plugin.Parameters().Single(p => p.Title == "Model");
        Assert.True(plugin.TryParseParameter(model.Id, "Off", out var off));
        buffers.InputParameters.Add(model.Id, 0, off);
        if (note is { } pitch) Assert.True(buffers.AddNote(new ScheduledEvent(sample, true, pitch, 0.8f, 0), 0));
        Assert.Equal(0, buffers.Process());
        var peak = 0f;
        for (var c = 0; c < buffers.OutputChannels; c++)
            for (var i = 0; i < 256; i++) peak = Math.Max(peak, Math.Abs(buffers.OutputChannel(c)[i]));
        return peak;
    }

    private static int GeneratorThreads() =>
        Directory.GetDirectories("/proc/self/task").Count(task => ReadComm(task) == GeneratorThread);

    /// <summary>The generator threads other tests left, once none has been exiting for 200 ms (up to 10 s).</summary>
    private static int SettledGeneratorThreads()
    {
        var count = GeneratorThreads();
        for (var wait = 0; wait < 50; wait++)
        {
            Thread.Sleep(200);
            var again = GeneratorThreads();
            if (again == count) break;
            count = again;
        }
        return count;
    }

    /// <summary>
    /// Waits (up to 10 s) for the generator threads to number <paramref name="expected"/>: a joined thread has finished
    /// its work but the system may list it for a moment more while it exits.
    /// </summary>
    private static void AssertGeneratorThreads(int expected, string when = "")
    {
        var count = GeneratorThreads();
        for (var wait = 0; count != expected && wait < 1000; wait++)
        {
            Thread.Sleep(10);
            count = GeneratorThreads();
        }
        Assert.True(expected == count, $"{when}: {count} generator threads, expected {expected}");
    }

    private static string ReadComm(string task)
    {
        try
        {
            return File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
        }
        catch (IOException)
        {
            return ""; // the thread ended while listed
        }
    }

    private const int RtldNow = 2;
    private const int RtldNoLoad = 4;

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dlclose")]
    private static partial int DlClose(nint handle);
}
