using Euterpe.Vst3;

namespace Euterpe.Plugin.Instrument;

/// <summary>Names and class IDs the factory publishes. The CIDs are fixed forever: hosts store them in projects.</summary>
public static class PluginIdentity
{
    public const string Vendor = "Euterpe";
    public const string Url = "https://github.com/euterpe-music/euterpe";
    public const string Email = "euterpe@localhost";
    /// <summary>The product's version (Directory.Build.props), as the factory and class info report it.</summary>
    public static string Version { get; } = Core.ProductVersion.Current;
    public const string SdkVersion = "VST 3.7.14";
    public const string ProcessorName = "Euterpe";
    public const string ControllerName = "Euterpe Controller";
    public const string ProcessorCategory = "Audio Module Class";
    public const string ControllerCategory = "Component Controller Class";
    public const string SubCategories = "Instrument|Synth";

    public static readonly Tuid ProcessorCid = new([0x91, 0xD2, 0xBB, 0x25, 0xD5, 0x01, 0xD3, 0xE2, 0x3A, 0x21, 0xF0, 0x09, 0x6D, 0x7D, 0x3F, 0x8E]);
    public static readonly Tuid ControllerCid = new([0xF9, 0x95, 0xBE, 0xB7, 0x30, 0x78, 0x1C, 0xE0, 0x00, 0x55, 0x6B, 0xDA, 0x22, 0x77, 0xCF, 0xE8]);
}
