namespace Euterpe.Vst3;

/// <summary>
/// Where the ABI layer reports an exception it caught at a native entry point (one must never unwind into the
/// host). This assembly serves plug-in and host alike, so it does not choose a log file: lines go to
/// <see cref="Sink"/>, which writes to stderr until the program points it at its own log (the plug-in does at
/// GetPluginFactory). Never throws.
/// </summary>
public static class Vst3Log
{
    private static Action<string> _sink = WriteToStandardError;

    /// <summary>Receives each line; null restores the stderr default.</summary>
    public static Action<string> Sink
    {
        get => Volatile.Read(ref _sink);
        set => Volatile.Write(ref _sink, value ?? WriteToStandardError);
    }

    public static void Error(string where, Exception exception) => Write($"{where}: {Describe(exception)}");

    /// <summary>
    /// "Type: message", then each inner exception's after " <- ": a type initializer's failure says nothing until its
    /// cause is named.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var text = new System.Text.StringBuilder();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (text.Length > 0) text.Append(" <- ");
            text.Append(e.GetType().Name).Append(": ").Append(e.Message);
        }
        return text.ToString();
    }

    public static void Write(string message)
    {
        try
        {
            Sink(message);
        }
        catch (Exception)
        {
            // Logging must never take the host down.
        }
    }

    private static void WriteToStandardError(string message) => Console.Error.WriteLine($"vst3: {message}");
}
