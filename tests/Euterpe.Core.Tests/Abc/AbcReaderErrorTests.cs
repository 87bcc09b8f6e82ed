using Euterpe.Core.Abc;

namespace Euterpe.Core.Tests.Abc;

/// <summary>
/// Each malformed input the hardening campaign found: a one-line <c>FILE: line L, column C: problem</c> message in
/// Euterpe's own words, user text quoted by UserText (escaped, cut to 80 characters), never a .NET exception's text.
/// </summary>
public class AbcReaderErrorTests
{
    private static string Message(string text) => Assert.Throws<AbcFormatException>(() => AbcReader.Parse(text, "bad.abc")).Message;

    [Theory]
    [InlineData("X:1\nK:C\nA/0", "bad.abc: line 3, column 1: note length divides by zero")]
    [InlineData("X:1\nK:C\nAB [CE/0G]", "bad.abc: line 3, column 6: note length divides by zero")]
    [InlineData("X:1\nK:C\nz/0", "bad.abc: line 3, column 1: note length divides by zero")]
    [InlineData("X:1\nK:C\n[L:1/0]A", "bad.abc: line 3, column 1: length \"1/0\" divides by zero")]
    public void ALengthDividedByZeroIsAFormatError(string text, string expected) => Assert.Equal(expected, Message(text));

    [Theory]
    [InlineData("X:1\nL:-1\nK:C\nA", "bad.abc: line 2, column 1: length \"-1\": \"-1\" is not a whole number of at most 6 digits")]
    [InlineData("X:1\nM:4/\nK:C\nA", "bad.abc: line 2, column 1: meter \"4/\": \"\" is not a whole number of at most 6 digits")]
    [InlineData("X:1\nM:2147483648/4\nK:C\nA", "bad.abc: line 2, column 1: meter \"2147483648/4\": \"2147483648\" is not a whole number of at most 6 digits")]
    [InlineData("X:1\nQ:1/4=abc\nK:C\nA", "bad.abc: line 2, column 1: tempo \"1/4=abc\": \"abc\" is not a number of beats per minute")]
    [InlineData("X:1\nQ:1/4=NaN\nK:C\nA", "bad.abc: line 2, column 1: tempo \"1/4=NaN\": \"NaN\" is not a number of beats per minute")]
    [InlineData("X:1\nK:C\n[M:-1/4]A", "bad.abc: line 3, column 1: meter \"-1/4\": \"-1\" is not a whole number of at most 6 digits")]
    public void NumbersInFieldsFailInOurOwnWords(string text, string expected) => Assert.Equal(expected, Message(text));

    [Fact]
    public void ALongTokenIsQuotedShort()
    {
        var token = new string('Q', 8000);
        var message = Message($"X:1\nK:{token}\nA");
        Assert.Equal($"bad.abc: line 2, column 1: unreadable key \"{new string('Q', 80)}\"… (8000 characters)", message);
    }

    [Fact]
    public void APartOrderThatMultipliesASectionPastTheCapIsRefused()
    {
        // 5,000 notes played 999 times: five million notes from 10 KB of ABC.
        var section = string.Concat(Enumerable.Repeat("CDEF GABc|\n", 625));
        var message = Message($"X:1\nP:A999\nL:1/8\nK:C\nP:A\n{section}");
        Assert.Equal("bad.abc: line 630, column 1: the tune plays more than 4 million notes, rests and marks with its repeats and parts (P:) expanded", message);
    }

    [Fact]
    public void AControlCharacterIsEscaped()
    {
        var message = Message("X:1\nK:C\nAB\u001b[31mC");
        Assert.Equal("bad.abc: line 3, column 3: unexpected character \"\\u001b\"", message);
    }
}
