namespace Euterpe.Host;

/// <summary>One class a factory offers (PClassInfo, extended by PClassInfo2/W when the factory has them).</summary>
public sealed record ClassDescription(
    int Index, string Cid, string Name, string Category, string SubCategories, string Vendor, string Version, string SdkVersion, int Cardinality);
