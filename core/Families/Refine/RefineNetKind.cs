namespace Euterpe.Core.Families.Refine;

/// <summary>The two refine nets: one restores note lengths and onset gaps, the other gives notes velocities.</summary>
public enum RefineNetKind
{
    Duration,
    Velocity,
}

/// <summary>Names and sizes of each <see cref="RefineNetKind"/>.</summary>
public static class RefineNetKinds
{
    public const string DurationFamily = "refine-duration";
    public const string VelocityFamily = "refine-velocity";

    public static string Family(this RefineNetKind kind) => kind == RefineNetKind.Duration ? DurationFamily : VelocityFamily;

    public static int Inputs(this RefineNetKind kind) => kind == RefineNetKind.Duration ? RefineFeatures.DurationInputs : RefineFeatures.VelocityInputs;

    public static int Outputs(this RefineNetKind kind) => kind == RefineNetKind.Duration ? RefineFeatures.DurationOutputs : RefineFeatures.VelocityOutputs;

    /// <summary>The kind a manifest "family" names; null for any other family.</summary>
    public static RefineNetKind? FromFamily(string family) => family switch
    {
        DurationFamily => RefineNetKind.Duration,
        VelocityFamily => RefineNetKind.Velocity,
        _ => null,
    };
}
