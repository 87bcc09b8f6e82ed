using Euterpe.Core.Text;
using Xunit;

namespace Euterpe.Core.Tests.Text;

public class UserTextTests
{
    [Fact]
    public void QuotesAndEscapesControlCharacters()
    {
        Assert.Equal("\"a\\nb\\u0000c\\\"d\\\\\"", UserText.Quote("a\nb\0c\"d\\"));
    }

    [Fact]
    public void CutsLongTextAndSaysHowLongItWas()
    {
        var quoted = UserText.Quote(new string('x', 5000));
        Assert.Equal("\"" + new string('x', 80) + "\"… (5000 characters)", quoted);
        Assert.DoesNotContain('\n', quoted);
    }

    [Fact]
    public void OneLineKeepsQuotesButNotNewlines()
    {
        Assert.Equal("say \"hi\"\\nthere…", UserText.OneLine("say \"hi\"\nthere, and more", 14));
    }
}
