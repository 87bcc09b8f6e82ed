namespace Euterpe.Host;

/// <summary>What <c>euterpe host info</c> prints: the factory, its classes and, for the audio module, its buses, parameters and units.</summary>
public sealed record FactoryDescription(
    string Bundle,
    string Library,
    string Vendor,
    string Url,
    string Email,
    int Flags,
    IReadOnlyList<ClassDescription> Classes,
    IReadOnlyList<BusDescription> Buses,
    IReadOnlyList<ParameterDescription> Parameters,
    IReadOnlyList<UnitDescription> Units,
    int LatencySamples,
    int TailSamples,
    bool Supports64Bit);
