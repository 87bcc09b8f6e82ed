namespace Euterpe.Host.Tests;

/// <summary>
/// Euterpe's state through Steinberg .vstpreset files, as a DAW's preset browser saves and loads them: every
/// parameter and the chosen model come back; the file's layout is what an independent reader of the format (Python,
/// after the SDK's vstpresetfile.h) finds; broken files are one line naming the file.
/// </summary>
[Collection(PluginInstanceCollection.Name)]
public sealed class VstPresetTests
{
    private const uint Temperature = 3, Seed = 4, Model = 5, Key = 7;

    [Fact]
    public void StateRoundTripsThroughAVstPresetFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("mine.vstpreset");
        var bundle = TestData.Bundle();
        byte[] saved;
        var values = new Dictionary<uint, double>();
        using (var module = Vst3Module.Load(bundle))
        using (var plugin = PluginInstance.Create(module))
        {
            Assert.True(plugin.TryParseParameter(Model, "seq-ae-openmsx", out var model));
            Flush(plugin, (Model, model), (Temperature, 0.8), (Seed, 0.25), (Key, 7 / 11.0));
            var file = VstPresets.Save(plugin);
            file.Write(path);
            saved = file.Component;
            foreach (var p in plugin.Parameters()) values[p.Id] = plugin.GetControllerParameter(p.Id);
            Assert.Equal(0.8, values[Temperature], 9);
        }
        using (var module = Vst3Module.Load(bundle))
        using (var plugin = PluginInstance.Create(module))
        {
            Assert.NotEqual(0.8, plugin.GetControllerParameter(Temperature), 9);
            VstPresets.Load(plugin, path);
            Assert.Equal(saved, plugin.GetComponentState());
            foreach (var (id, value) in values) Assert.True(Math.Abs(value - plugin.GetControllerParameter(id)) < 1e-9, $"parameter {id}: {value} saved, {plugin.GetControllerParameter(id)} loaded");
            Assert.StartsWith("SeqAE", plugin.ValueText(Model, plugin.GetControllerParameter(Model)));
        }

        // The format as an independent reader sees it: header, class id, the list at the offset the header gives.
        var layout = PythonRunner.RunCode("""
            import struct, sys
            data = open(sys.argv[1], 'rb').read()
            magic, version, cid, offset = struct.unpack_from('<4si32sq', data, 0)
            tag, count = struct.unpack_from('<4si', data, offset)
            chunks = [struct.unpack_from('<4sqq', data, offset + 8 + 20 * i) for i in range(count)]
            print(magic.decode(), version, cid.decode(), tag.decode(), ' '.join(f'{c[0].decode()}:{c[1]}:{c[2]}' for c in chunks), offset + 8 + 20 * count == len(data))
            """, path).Trim();
        Assert.Equal($"VST3 1 91D2BB25D501D3E23A21F0096D7D3F8E List Comp:48:{saved.Length} Cont:{48 + saved.Length}:0 True", layout);
    }

    [Fact]
    public void FactoryPresetsChooseEachModelOfTheList()
    {
        using var folder = new TempFolder();
        using var module = Vst3Module.Load(TestData.Bundle());
        using var plugin = PluginInstance.Create(module);
        var written = VstPresets.Factory(plugin, folder.Root);
        Assert.True(written.Count >= 10, $"{written.Count} factory presets");
        foreach (var path in written)
        {
            // The bundle's presets are saved by id: no build folder's path inside a file that ships.
            Assert.DoesNotContain("/Contents/Resources/presets/", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path)));
            VstPresets.Load(plugin, path);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), VstPresets.FileName(plugin.ValueText(Model, plugin.GetControllerParameter(Model))));
            Assert.Equal(0.5, plugin.GetControllerParameter(Temperature), 1); // the default, 1.0 on 0.1…2
        }
    }

    [Fact]
    public void BrokenOrForeignFilesAreOneLineNamingTheFile()
    {
        using var folder = new TempFolder();
        var good = new VstPresetFile("91D2BB25D501D3E23A21F0096D7D3F8E", [1, 2, 3], null).ToBytes();
        var cut = folder.File("cut.vstpreset");
        File.WriteAllBytes(cut, good[..^10]);
        var error = Assert.Throws<Core.EuterpeException>(() => VstPresetFile.Read(cut));
        Assert.StartsWith($"{cut}: ", error.Message);
        var text = folder.File("text.vstpreset");
        File.WriteAllText(text, "not a preset at all, but long enough to hold a header of forty-eight bytes");
        Assert.Equal($"{text}: not a VST3 preset (no 'VST3' header)", Assert.Throws<Core.EuterpeException>(() => VstPresetFile.Read(text)).Message);

        var foreign = folder.File("foreign.vstpreset");
        new VstPresetFile("00112233445566778899AABBCCDDEEFF", [1, 2, 3], null).Write(foreign);
        using var module = Vst3Module.Load(TestData.Bundle());
        using var plugin = PluginInstance.Create(module);
        var message = Assert.Throws<Core.EuterpeException>(() => VstPresets.Load(plugin, foreign)).Message;
        Assert.StartsWith($"{foreign}: a preset for class 00112233445566778899AABBCCDDEEFF, not Euterpe", message);
    }

    /// <summary>Sets values as a user's knobs do: on the controller, then to the processor in a parameter flush.</summary>
    private static void Flush(PluginInstance plugin, params (uint Id, double Value)[] values)
    {
        plugin.Start(48000, 512, offline: true);
        using var buffers = new ProcessBuffers(plugin, 48000, 512);
        buffers.BeginBlock(0, 0, 120, 4, 4, playing: false);
        foreach (var (id, value) in values)
        {
            plugin.SetControllerParameter(id, value);
            buffers.InputParameters.Add(id, 0, value);
        }
        Assert.Equal(0, buffers.Process());
        plugin.Stop();
    }
}
