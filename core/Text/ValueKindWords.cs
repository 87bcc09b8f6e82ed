namespace Euterpe.Core.Text;

/// <summary>
/// A .NET type name from a parser's message ("System.Int64") in a user's words ("a whole number"), for the errors
/// of JSON manifests and of the command line alike.
/// </summary>
public static class ValueKindWords
{
    /// <summary>What a value of <paramref name="dotnetType"/> is called; <paramref name="otherwise"/> for a type not known here.</summary>
    public static string Of(string dotnetType, string otherwise) => dotnetType switch
    {
        "System.String" => "a string",
        "System.Boolean" => "true or false",
        "System.Int32" or "System.Int64" or "System.UInt32" or "System.UInt64" or "System.Int16" or "System.Byte" => "a whole number",
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        _ when dotnetType.EndsWith("[]", StringComparison.Ordinal) || dotnetType.Contains("List`", StringComparison.Ordinal) => "a list",
        _ => otherwise,
    };
}
