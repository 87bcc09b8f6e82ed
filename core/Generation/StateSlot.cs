using Euterpe.Core.Tensors;

namespace Euterpe.Core.Generation;

/// <summary>One recurrent state pair after checking: the output of step t is the input of step t + 1.</summary>
internal sealed record StateSlot(string Input, string Output, TensorElementType ElementType, long[] Shape);
