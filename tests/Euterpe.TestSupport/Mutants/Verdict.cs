namespace Euterpe.TestSupport.Mutants;

/// <summary>How one hardening run ended, worst first: <see cref="HardeningVerdict.Classify"/> gives the first that applies.</summary>
public enum Verdict
{
    /// <summary>An input file changed.</summary>
    DestroyedInput,
    /// <summary>A symbolic link, FIFO or device given as the output became a regular file.</summary>
    SpecialFileReplaced,
    /// <summary>The command died of a signal.</summary>
    Crash,
    /// <summary>The command ran past the timeout.</summary>
    Hang,
    /// <summary>Exit 70 or "internal error": an exception the command did not expect.</summary>
    InternalError,
    /// <summary>A hidden temp file or a half-written output was left behind.</summary>
    LeftoverTemp,
    /// <summary>Exit 0 although the input was broken, or the output carries nothing (no notes, silence).</summary>
    Exit0OnBadInput,
    /// <summary>A failure whose stderr is not one short <c>error: </c> line naming the user's file, or whose exit code is not 2.</summary>
    MessyError,
    /// <summary>A valid input refused.</summary>
    RefusedGoodInput,
    /// <summary>A broken input refused with one clean error line.</summary>
    CleanError,
    /// <summary>Success on an input that may be valid.</summary>
    Ok,
}
