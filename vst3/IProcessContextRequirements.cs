namespace Euterpe.Vst3;

/// <summary>Managed side of IProcessContextRequirements (ivstaudioprocessor.h).</summary>
public interface IProcessContextRequirements
{
    /// <summary>kNeedTempo = 1 &lt;&lt; 6.</summary>
    const uint NeedTempo = 1 << 6;
    /// <summary>kNeedTimeSignature = 1 &lt;&lt; 7.</summary>
    const uint NeedTimeSignature = 1 << 7;
    /// <summary>kNeedTransportState = 1 &lt;&lt; 10.</summary>
    const uint NeedTransportState = 1 << 10;

    uint GetProcessContextRequirements();
}
