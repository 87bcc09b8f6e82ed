using System.Text.RegularExpressions;
using Euterpe.Core.Text;

namespace Euterpe.Cli;

/// <summary>
/// System.CommandLine's parse errors in our words, for the one <c>error:</c> line a bad command line gets:
/// "--seconds: "abc" is not a number" instead of "Cannot parse argument 'abc' for option '--seconds' as expected type
/// 'System.Double'.", with the user's token quoted and bounded.
/// </summary>
public static partial class ParseErrorText
{
    public static string Describe(string message)
    {
        if (CannotParse().Match(message) is { Success: true } bad)
            return $"{bad.Groups["option"].Value}: {UserText.Quote(bad.Groups["value"].Value)} is not {ValueKindWords.Of(bad.Groups["type"].Value, "a valid value")}";
        if (Required().Match(message) is { Success: true } required) return $"{required.Groups["option"].Value}: required";
        if (Unrecognized().Match(message) is { Success: true } unknown) return $"unknown option or argument {UserText.Quote(unknown.Groups["token"].Value)}";
        return message.TrimEnd('.');
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Option '(?<option>[^']+)' is required")]
    private static partial Regex Required();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();
}
