using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordning.Feedback.Data;

namespace Samordning.Tests.Feedback;

public sealed class PublicInputPageTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_ValidInputWithAttachment_ReceiptPageStoredAndMailQueued()
    {
        var round = await fixture.OpenRoundAsync(questions: ["Hva hindrer innovasjon?"]);
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var fields = PublicForm.Valid(antiforgery, token);
        fields[$"Input.Answers[{round.Questions[0].Id}]"] = "Regelverket.";

        var response = await PublicForm.PostAsync(client, round.Id, fields, ("innspill.pdf", Files.Pdf()), ("notat.docx", Files.Docx()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = PublicForm.Reference(response);
        var receipt = await client.GetStringAsync($"/innspill/kvittering/{reference}", Ct);
        Assert.Contains(reference, receipt, StringComparison.Ordinal);
        Assert.Contains(round.Title, receipt, StringComparison.Ordinal);

        var item = await fixture.WithDbAsync(db => db.Items.Include(i => i.Answers).Include(i => i.Attachments).SingleAsync(i => i.Reference == reference, Ct));
        Assert.Equal(round.Id, item.RoundId);
        Assert.Equal(Channel.WebForm, item.Channel);
        Assert.Equal("test@example.no", item.ContributorEmail);
        Assert.Equal("Regelverket.", Assert.Single(item.Answers).Text);
        Assert.Equal(["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"], item.Attachments.OrderBy(a => a.FileName).Select(a => a.ContentType));

        var mail = Assert.Single(fixture.Notifications.Mail, m => m.Key == $"feedback.receipt:{item.Id}");
        Assert.Equal("test@example.no", mail.ToAddress);
        Assert.Contains(reference, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AtDeadlineSecondAndOneSecondAfter_FirstAcceptedSecondClosed()
    {
        var round = await fixture.OpenRoundAsync(TimeSpan.FromHours(2));
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var (_, secondToken) = await PublicForm.OpenAsync(client, round.Id);
        try
        {
            fixture.Clock.UtcNow = round.Deadline.AddMilliseconds(999);
            var inTime = await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, token));

            fixture.Clock.UtcNow = round.Deadline.AddSeconds(1);
            var late = await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, secondToken));

            Assert.Equal(HttpStatusCode.Redirect, inTime.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            Assert.Contains("Innspillsrunden er stengt", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(1, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
        }
        finally
        {
            fixture.Clock.UtcNow = round.OpensAt;
        }
    }

    [Fact]
    public async Task Submit_SameFormTwice_OneItemAndSameReceipt()
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var fields = PublicForm.Valid(antiforgery, token);

        var responses = await Task.WhenAll(PublicForm.PostAsync(client, round.Id, fields), PublicForm.PostAsync(client, round.Id, fields));
        var again = await PublicForm.PostAsync(client, round.Id, fields);

        var references = responses.Append(again).Select(PublicForm.Reference).Distinct().ToList();
        Assert.Single(references);
        Assert.Equal(1, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
        Assert.Single(fixture.Notifications.Mail, m => m.TextBody.Contains(references[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_StoredFormPostedAgainAfterTheDeadline_SameReceiptNotClosed()
    {
        var round = await fixture.OpenRoundAsync(TimeSpan.FromHours(2));
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var fields = PublicForm.Valid(antiforgery, token);
        try
        {
            fixture.Clock.UtcNow = round.Deadline;
            var inTime = await PublicForm.PostAsync(client, round.Id, fields);

            // The answer was lost and the browser retries after the deadline: the input was in on time.
            fixture.Clock.UtcNow = round.Deadline.AddMinutes(1);
            var retry = await PublicForm.PostAsync(client, round.Id, fields);

            Assert.Equal(PublicForm.Reference(inTime), PublicForm.Reference(retry));
            Assert.Equal(1, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
        }
        finally
        {
            fixture.Clock.UtcNow = round.OpensAt;
        }
    }

    [Fact]
    public async Task Submit_HoneypotFilled_RejectedAndNothingStored()
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var fields = PublicForm.Valid(antiforgery, token);
        fields["Input.Website"] = "http://spam.example";

        var response = await PublicForm.PostAsync(client, round.Id, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
    }

    [Fact]
    public async Task Submit_FileOverLimit_413WithReadableMessageAndNothingStored()
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var big = new byte[(5 * 1024 * 1024) + 1];
        Files.Pdf().CopyTo(big, 0);

        var response = await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, token), ("stor.pdf", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("«stor.pdf» er større enn 5 MB.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
    }

    [Theory]
    [InlineData("program.pdf")]
    [InlineData("program.docx")]
    [InlineData("program.exe")]
    public async Task Submit_ExecutableWhateverItsName_FieldErrorAndNothingStored(string name)
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);

        var response = await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, token), (name, Files.Exe()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"«{name}» er ikke en PDF-, Word- eller OpenDocument-fil.", html, StringComparison.Ordinal);
        Assert.Contains("Testleverandør AS", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
    }

    [Fact]
    public async Task Submit_MalformedOrganisationNumberAndReceiptWithoutEmail_FieldErrorsBesideFields()
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var fields = PublicForm.Valid(antiforgery, token);
        fields["Input.OrganisationNumber"] = Infrastructure.FakeOrganisationNumbers.WrongCheckDigit;
        fields["Input.ContributorEmail"] = "";

        var html = await (await PublicForm.PostAsync(client, round.Id, fields)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("id=\"Input_OrganisationNumber-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Organisasjonsnummer må være ni siffer med gyldig kontrollsiffer.", html, StringComparison.Ordinal);
        Assert.Contains("E-post må fylles ut.", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
    }

    // A token the page did not issue (too long for the stored column, or with other characters) used to be dropped
    // quietly, so the post had no idempotency; now it is a field error, the text stays and a fresh token comes back.
    [Theory]
    [InlineData("", "Skjemaets engangsnøkkel var ugyldig")]
    [InlineData("?culture=en-GB", "The form&#x27;s one-time key was invalid")]
    public async Task Submit_TokenTooLongOrMalformed_FieldErrorTextKeptAndNothingStored(string query, string message)
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        foreach (var bad in new[] { new string('a', 65), "<script>x</script>" })
        {
            var fields = PublicForm.Valid(antiforgery, bad);
            fields["Input.Text"] = "Teksten min skal ikke gå tapt.";

            var response = await PublicForm.PostToAsync(client, $"/innspill/{round.Id}{query}", fields);
            var html = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"Input_Token\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#Input_Token\"", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("Teksten min skal ikke gå tapt.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>x", html, StringComparison.Ordinal);
            Assert.NotEqual(token, FormTokenIn(html));
            Assert.NotEqual(bad, FormTokenIn(html));
        }

        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
    }

    [Fact]
    public async Task Submit_AfterTokenError_FreshTokenInTheFormIsAccepted()
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, _) = await PublicForm.OpenAsync(client, round.Id);
        var rejected = await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, new string('b', 65)));

        var again = await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, FormTokenIn(await rejected.Content.ReadAsStringAsync(Ct))));

        var reference = PublicForm.Reference(again);
        var item = await fixture.WithDbAsync(db => db.Items.SingleAsync(i => i.Reference == reference, Ct));
        Assert.NotNull(item.IdempotencyToken);
    }

    private static string FormTokenIn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.Token\" value=\"([^\"]*)\"").Groups[1].Value;

    [Fact]
    public async Task Submit_WithoutAntiforgeryToken_400AndNothingStored()
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (_, token) = await PublicForm.OpenAsync(client, round.Id);
        var fields = PublicForm.Valid("", token);
        fields.Remove("__RequestVerificationToken");

        var response = await PublicForm.PostAsync(client, round.Id, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
    }

    [Fact]
    public async Task Open_RoundByInvitation_404ForThePublic()
    {
        var round = await fixture.OpenRoundAsync(isPublic: false);

        var response = await fixture.Factory.CreateClientAs(null).GetAsync($"/innspill/{round.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Submit_ContactPersonToRoundByInvitation_StoredForTheirMinistry()
    {
        var round = await fixture.OpenRoundAsync(isPublic: false, audience: Audience.Ministries);
        var client = fixture.Factory.CreateClientAs(Infrastructure.People.ContactPersonFin);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);

        var reference = PublicForm.Reference(await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, token)));

        var item = await fixture.WithDbAsync(db => db.Items.SingleAsync(i => i.Reference == reference, Ct));
        Assert.Equal(ContributorType.Ministry, item.ContributorType);
        Assert.NotNull(item.MinistryId);
    }

    [Fact]
    public async Task Submit_ScriptInEveryField_StoredAsTextAndRenderedInert()
    {
        const string Script = "<script>alert('x')</script>";
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var fields = PublicForm.Valid(antiforgery, token);
        fields["Input.OrganisationName"] = Script;
        fields["Input.ContributorName"] = Script;
        fields["Input.Text"] = Script;

        var reference = PublicForm.Reference(await PublicForm.PostAsync(client, round.Id, fields));

        var id = await fixture.WithDbAsync(db => db.Items.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync(Ct));
        var html = await fixture.Factory.CreateClientAs(Infrastructure.People.Coordinator).GetStringAsync($"/innspillsregister/{id}", Ct);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}
