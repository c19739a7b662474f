using Samordning.Feedback.Data;
using Samordning.Feedback.Rounds;
using Samordning.Feedback.Submissions;

namespace Samordning.Tests.Feedback;

public sealed class RulesTests
{
    private static readonly DateTimeOffset Deadline = new(2018, 4, 6, 21, 59, 0, TimeSpan.Zero);

    private static RoundDetails Round() => new(Guid.NewGuid(), "Runde", null, Audience.Suppliers, [], Deadline.AddDays(-14), Deadline, true, 12, 0);

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(999, true)]
    [InlineData(1000, false)]
    [InlineData(60_000, false)]
    public void IsOpenAt_AroundTheDeadline_OpenUntilTheDeadlinesSecondEnds(int milliseconds, bool open) =>
        Assert.Equal(open, Round().IsOpenAt(Deadline.AddMilliseconds(milliseconds)));

    [Fact]
    public void IsOpenAt_BeforeOpening_Closed() => Assert.False(Round().IsOpenAt(Deadline.AddDays(-15)));

    [Fact]
    public void FromOsloLocal_SixAprilAt2359_SummerTimeOffset() =>
        Assert.Equal(Deadline, RoundTexts.FromOsloLocal(new DateTime(2018, 4, 6, 23, 59, 0)));

    [Fact]
    public void ContentTypeOf_EachAcceptedKind_Recognised()
    {
        Assert.Equal("application/pdf", AttachmentRules.ContentTypeOf("a.PDF", Files.Pdf()));
        Assert.Equal("application/msword", AttachmentRules.ContentTypeOf("a.doc", Files.Doc()));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", AttachmentRules.ContentTypeOf("a.docx", Files.Docx()));
        Assert.Equal("application/vnd.oasis.opendocument.text", AttachmentRules.ContentTypeOf("a.odt", Files.Odt()));
    }

    [Theory]
    [InlineData("a.pdf")]
    [InlineData("a.docx")]
    [InlineData("a.odt")]
    [InlineData("a.doc")]
    public void ContentTypeOf_ContentOfAnotherKind_Refused(string name)
    {
        // Each name gets a file that is valid, but of a different kind than the name says.
        var other = name.EndsWith(".pdf", StringComparison.Ordinal) ? Files.Docx() : Files.Pdf();
        Assert.Null(AttachmentRules.ContentTypeOf(name, other));
    }

    [Fact]
    public void ContentTypeOf_ZipThatIsNotAWordDocument_Refused() =>
        Assert.Null(AttachmentRules.ContentTypeOf("a.docx", Files.Odt()));

    [Fact]
    public void New_References_ReadableAndDistinct()
    {
        var references = Enumerable.Range(0, 1000).Select(_ => References.New()).ToList();

        Assert.All(references, r => Assert.Matches("^INN-[2-9A-HJKMNP-Z]{8}$", r));
        Assert.Equal(references.Count, references.Distinct().Count());
    }
}
