namespace Euterpe.Host;

/// <summary>A component bus (BusInfo): audio or event, input or output.</summary>
public sealed record BusDescription(bool IsAudio, bool IsInput, int Index, string Name, int ChannelCount, bool IsMain, bool DefaultActive);
