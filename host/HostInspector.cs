namespace Euterpe.Host;

/// <summary><c>euterpe host info</c>: loads a bundle and describes its factory, classes, and the audio module's buses, parameters and units.</summary>
public static class HostInspector
{
    /// <param name="className">Which Audio Module Class to describe (null = the first; bundles like mda-vst3 hold many).</param>
    public static FactoryDescription Describe(string bundle, string? className = null)
    {
        using var module = Vst3Module.Load(bundle);
        var (vendor, url, email, flags) = FactoryReader.Info(module);
        var classes = FactoryReader.Classes(module);
        if (!classes.Any(c => c.Category == FactoryReader.AudioModuleCategory))
            return new FactoryDescription(bundle, module.LibraryPath, vendor, url, email, flags, classes, [], [], [], 0, 0, false);
        using var plugin = PluginInstance.Create(module, className);
        return new FactoryDescription(bundle, module.LibraryPath, vendor, url, email, flags, classes,
            plugin.Buses(), plugin.Parameters(), plugin.Units(), plugin.LatencySamples, plugin.TailSamples, plugin.CanProcess64Bit());
    }
}
