namespace Euterpe.Host.Tests;

/// <summary>
/// Tests that render or play through the plug-in run one at a time: they assert on exact audio and on real-time
/// margins, and instances running beside each other in one process share the machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PluginInstanceCollection
{
    public const string Name = "plug-in instances";
}
