namespace Euterpe.Host;

/// <summary>A controller parameter (ParameterInfo) with its default shown as the controller formats it.</summary>
public sealed record ParameterDescription(
    uint Id, string Title, string ShortTitle, string Units, double DefaultNormalized, string DefaultText, int StepCount, int UnitId, int Flags)
{
    public string FlagNames
    {
        get
        {
            var names = new List<string>();
            if ((Flags & 1) != 0) names.Add("automate");
            if ((Flags & 2) != 0) names.Add("read-only");
            if ((Flags & 4) != 0) names.Add("wrap");
            if ((Flags & 8) != 0) names.Add("list");
            if ((Flags & 16) != 0) names.Add("hidden");
            if ((Flags & (1 << 15)) != 0) names.Add("program-change");
            if ((Flags & (1 << 16)) != 0) names.Add("bypass");
            return names.Count == 0 ? "-" : string.Join(',', names);
        }
    }
}
