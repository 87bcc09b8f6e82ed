using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// What the editor needs of the edit controller, all on the host's UI thread: values and their text, edits that go
/// to the host (begin/perform/end, as the SDK asks), and the component's published state when it can be reached.
/// </summary>
public interface IEditorModel
{
    double Value(uint id);

    string Text(ParameterDefinition definition, double normalized);

    /// <summary>The parameter's title as the host sees it (a condition slot takes its manifest's name).</summary>
    string Title(uint id);

    void BeginEdit(uint id);

    void PerformEdit(uint id, double normalized);

    void EndEdit(uint id);

    /// <summary>The component's generation link (notes, playhead, status, headroom), or null when it cannot be reached.</summary>
    GenerationLink? Feed();
}
