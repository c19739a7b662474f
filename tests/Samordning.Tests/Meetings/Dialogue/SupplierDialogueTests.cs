using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using CsCheck;
using Samordning.Meetings.Dialogue;
using Samordning.Shared.Security;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Meetings.Dialogue;

// Issue 18, point 4: suppliers register with organisation numbers, book one-to-one slots offered to all on equal
// terms (first come, first served), and what KMD tells one is published to all; the report shows it per supplier.
public sealed partial class SupplierDialogueTests(DialogueFixture fixture) : IClassFixture<DialogueFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Validate_AnyNineDigits_OrganisationNumberErrorExactlyWhenMod11Fails()
    {
        Gen.Int[0, 999_999_999].Select(n => n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture))
            .Sample(number =>
            {
                var errors = DialogueRules.Validate(new SupplierRegistrationRequest("AS", number, "Kari", "kari@example.no", true));
                return errors.Has(nameof(SupplierRegistrationRequest.OrganisationNumber)) != Mod11.IsValid(number);
            });
    }

    [Fact]
    public void Validate_EightDigitsWithTheirCheckDigit_Valid()
    {
        Gen.Int[0, 99_999_999].Select(n => n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture))
            .Where(prefix => Mod11.CheckDigit(prefix) is not null)
            .Sample(prefix => !DialogueRules.Validate(new SupplierRegistrationRequest("AS", prefix + Mod11.CheckDigit(prefix), "Kari", "kari@example.no", true)).Any);
    }

    [Fact]
    public async Task Register_ValidSupplier_ReceiptWithTokenAndOnlyItsHashStored()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var number = DialogueFixture.NewOrganisationNumber();

        var receipt = await fixture.RegisterAsync(dialogue.Id, $"{number[..3]} {number[3..6]} {number[6..]}");

        Assert.Equal(number, receipt.OrganisationNumber);
        Assert.Equal(43, receipt.Token.Length);
        var stored = await fixture.WithDbAsync(db => db.DialogueSuppliers.AsNoTracking().SingleAsync(s => s.Id == receipt.SupplierId, Ct));
        Assert.Equal(SecretTokens.Hash(receipt.Token), stored.TokenHash);
        Assert.NotEqual(receipt.Token, stored.TokenHash);
        Assert.Equal(receipt.OrganisationName, (await fixture.SupplierPageAsync(receipt.Token)).OrganisationName);
    }

    [Fact]
    public async Task Register_SameOrganisationNumberTwice_409AndOneRegistration()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var number = DialogueFixture.NewOrganisationNumber();
        await fixture.RegisterAsync(dialogue.Id, number);

        var second = await fixture.PostRegistrationAsync(dialogue.Id, $"{number[..3]} {number[3..6]} {number[6..]}", "Samme AS");

        var problem = await Problem.ReadAsync(second, HttpStatusCode.Conflict, Ct);
        Assert.Contains("allerede påmeldt", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await fixture.WithDbAsync(db => db.DialogueSuppliers.CountAsync(s => s.DialogueId == dialogue.Id, Ct)));
    }

    [Fact]
    public async Task Register_SameOrganisationNumberAtOnce_OneRegistration()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var number = DialogueFixture.NewOrganisationNumber();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fixture.PostRegistrationAsync(dialogue.Id, number)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await fixture.WithDbAsync(db => db.DialogueSuppliers.CountAsync(s => s.DialogueId == dialogue.Id, Ct)));
    }

    [Fact]
    public async Task Register_WrongCheckDigit_400NamingTheField()
    {
        var dialogue = await fixture.CreateDialogueAsync();

        var errors = await Problem.ReadErrorsAsync(await fixture.PostRegistrationAsync(dialogue.Id, FakeOrganisationNumbers.WrongCheckDigit), Ct);

        Assert.Equal(["OrganisationNumber"], errors.Keys);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.DialogueSuppliers.CountAsync(s => s.DialogueId == dialogue.Id, Ct)));
    }

    [Fact]
    public async Task Register_AfterTheDeadline_403()
    {
        var dialogue = await fixture.CreateDialogueAsync(untilDeadline: TimeSpan.FromMinutes(-1));

        var response = await fixture.PostRegistrationAsync(dialogue.Id, DialogueFixture.NewOrganisationNumber());

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Register_UnpublishedDialogue_404ForApiAndPage()
    {
        var dialogue = await fixture.CreateDialogueAsync(published: false);

        await Problem.ReadAsync(await fixture.PostRegistrationAsync(dialogue.Id, DialogueFixture.NewOrganisationNumber()), HttpStatusCode.NotFound, Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Public.GetAsync($"/moter/leverandordialog/{dialogue.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task RegisterPage_WrongCheckDigitWithoutJavaScript_ErrorBesideFieldAndInputKept()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var client = fixture.Public;
        var fields = await FormAsync(client, $"/moter/leverandordialog/{dialogue.Id}");
        fields["Input.OrganisationName"] = "Skjema AS";
        fields["Input.OrganisationNumber"] = FakeOrganisationNumbers.WrongCheckDigit;
        fields["Input.ContactName"] = "Kari";
        fields["Input.Email"] = "kari@skjema.example.no";
        fields["Input.AcceptTerms"] = "true";

        var response = await client.PostAsync($"/moter/leverandordialog/{dialogue.Id}", new FormUrlEncodedContent(fields), Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_OrganisationNumber-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Organisasjonsnummer må være ni siffer med gyldig kontrollsiffer.", html, StringComparison.Ordinal);
        Assert.Contains("Skjema AS", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.DialogueSuppliers.CountAsync(s => s.DialogueId == dialogue.Id, Ct)));
    }

    [Fact]
    public async Task RegisterPage_Valid_ReceiptWithPrivateLinkThatOpensTheSupplierPage()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var client = fixture.Public;
        var fields = await FormAsync(client, $"/moter/leverandordialog/{dialogue.Id}");
        fields["Input.OrganisationName"] = "Skjema <b>AS</b>";
        fields["Input.OrganisationNumber"] = DialogueFixture.NewOrganisationNumber();
        fields["Input.ContactName"] = "Kari";
        fields["Input.Email"] = "kari@skjema.example.no";
        fields["Input.AcceptTerms"] = "true";

        var html = await (await client.PostAsync($"/moter/leverandordialog/{dialogue.Id}", new FormUrlEncodedContent(fields), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("Skjema &lt;b&gt;AS&lt;/b&gt;", html, StringComparison.Ordinal);
        var link = PrivateLink().Match(html);
        Assert.True(link.Success, html);
        var page = await client.GetAsync(link.Groups[1].Value, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Last());
    }

    [Fact]
    public async Task SupplierPage_UnknownToken_404()
    {
        var token = SecretTokens.New();

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Public.GetAsync($"/moter/leverandor/{token}", Ct)).StatusCode);
        await Problem.ReadAsync(await fixture.Public.GetAsync($"/api/meetings/dialogues/supplier/{token}", Ct), HttpStatusCode.NotFound, Ct);
    }

    [Fact]
    public async Task Book_SuppliersRaceForTheLastSlot_ExactlyOneWins()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var slot = await fixture.AddSlotAsync(dialogue.Id);
        var suppliers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => fixture.RegisterAsync(dialogue.Id, name: $"Leverandør {i} AS")));

        var responses = await Task.WhenAll(suppliers.Select(s => fixture.BookAsync(s.Token, slot.Id)));

        var winners = suppliers.Zip(responses).Where(p => p.Second.StatusCode == HttpStatusCode.OK).ToList();
        var winner = Assert.Single(winners).First;
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var problem = await Problem.ReadAsync(loser, HttpStatusCode.Conflict, Ct);
            Assert.Contains("allerede booket", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        var stored = Assert.Single((await fixture.AdminAsync(dialogue.Id)).Slots);
        Assert.Equal(winner.SupplierId, stored.SupplierId);
        Assert.Equal(1, await fixture.WithDbAsync(db => db.DialogueSuppliers.Where(s => s.DialogueId == dialogue.Id).SumAsync(s => s.Bookings, Ct)));
    }

    [Fact]
    public async Task Book_OneSupplierTwoSlotsAtOnce_OnlyOneWithinTheLimit()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var first = await fixture.AddSlotAsync(dialogue.Id, hour: 9);
        var second = await fixture.AddSlotAsync(dialogue.Id, hour: 11);
        var supplier = await fixture.RegisterAsync(dialogue.Id);

        var responses = await Task.WhenAll(fixture.BookAsync(supplier.Token, first.Id), fixture.BookAsync(supplier.Token, second.Id));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Single((await fixture.SupplierPageAsync(supplier.Token)).Slots, s => s.State == SlotState.Mine);
    }

    [Fact]
    public async Task Cancel_OwnBooking_SlotFreeForAnotherSupplierRegisteredLater()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var slot = await fixture.AddSlotAsync(dialogue.Id);
        var early = await fixture.RegisterAsync(dialogue.Id);
        Assert.Equal(HttpStatusCode.OK, (await fixture.BookAsync(early.Token, slot.Id)).StatusCode);
        var late = await fixture.RegisterAsync(dialogue.Id);
        Assert.Equal(SlotState.Taken, Assert.Single((await fixture.SupplierPageAsync(late.Token)).Slots).State);

        var cancelled = await fixture.Public.DeleteAsync($"/api/meetings/dialogues/supplier/{early.Token}/slots/{slot.Id}/booking", Ct);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var seen = Assert.Single((await fixture.SupplierPageAsync(late.Token)).Slots);
        Assert.Equal(SlotState.Free, seen.State);
        Assert.Null(seen.VideoLink);
        Assert.Equal(HttpStatusCode.OK, (await fixture.BookAsync(late.Token, slot.Id)).StatusCode);
        Assert.Equal("https://video.example.no/kmd", Assert.Single((await fixture.SupplierPageAsync(late.Token)).Slots).VideoLink);
    }

    [Fact]
    public async Task Cancel_AnotherSuppliersBooking_404AndStillBooked()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var slot = await fixture.AddSlotAsync(dialogue.Id);
        var owner = await fixture.RegisterAsync(dialogue.Id);
        var other = await fixture.RegisterAsync(dialogue.Id);
        Assert.Equal(HttpStatusCode.OK, (await fixture.BookAsync(owner.Token, slot.Id)).StatusCode);

        var response = await fixture.Public.DeleteAsync($"/api/meetings/dialogues/supplier/{other.Token}/slots/{slot.Id}/booking", Ct);

        await Problem.ReadAsync(response, HttpStatusCode.NotFound, Ct);
        Assert.Equal(owner.SupplierId, Assert.Single((await fixture.AdminAsync(dialogue.Id)).Slots).SupplierId);
    }

    [Fact]
    public async Task Slots_SupplierRegisteredLater_SeesTheSameSlotsOnTheSameTerms()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        await fixture.AddSlotAsync(dialogue.Id, hour: 9);
        await fixture.AddSlotAsync(dialogue.Id, hour: 11);
        var early = await fixture.RegisterAsync(dialogue.Id);
        var late = await fixture.RegisterAsync(dialogue.Id);

        var seenEarly = (await fixture.SupplierPageAsync(early.Token)).Slots;
        var seenLate = (await fixture.SupplierPageAsync(late.Token)).Slots;

        Assert.Equal(2, seenEarly.Count);
        Assert.Equal(seenEarly, seenLate);
    }

    [Fact]
    public async Task Question_AnsweredAndPublished_VisibleToEverySupplierAndThePublicWithoutTheAsker()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var asker = await fixture.RegisterAsync(dialogue.Id, name: "Spørrende Konsulent AS");
        var other = await fixture.RegisterAsync(dialogue.Id);
        var asked = await fixture.Public.PostAsJsonAsync($"/api/meetings/dialogues/supplier/{asker.Token}/questions", new SupplierQuestionRequest("Skal prosesstøtten dekke innbyggerinvolvering?"), Ct);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Empty((await fixture.SupplierPageAsync(other.Token)).Dialogue.Answers);
        var question = Assert.Single((await fixture.AdminAsync(dialogue.Id)).Questions);
        Assert.Equal("Spørrende Konsulent AS", question.AskedBy);

        var answered = await fixture.Coordinator.PostAsJsonAsync(
            $"/api/meetings/dialogues/{dialogue.Id}/questions/{question.Id}/answer", new DialogueAnswerRequest("Ja, innbyggerne skal involveres.", true, question.Version), Ct);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var shared = Assert.Single((await fixture.SupplierPageAsync(other.Token)).Dialogue.Answers);
        Assert.Equal("Ja, innbyggerne skal involveres.", shared.Answer);
        var publicJson = await fixture.Public.GetStringAsync($"/api/meetings/dialogues/{dialogue.Id}/public", Ct);
        var publicHtml = await fixture.Public.GetStringAsync($"/moter/leverandordialog/{dialogue.Id}", Ct);
        Assert.Contains("Ja, innbyggerne skal involveres.", publicHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Spørrende Konsulent", publicJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Spørrende Konsulent", publicHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(asker.SupplierId.ToString(), publicJson, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Answer_StaleVersion_409AndNotChanged()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var supplier = await fixture.RegisterAsync(dialogue.Id);
        await fixture.Public.PostAsJsonAsync($"/api/meetings/dialogues/supplier/{supplier.Token}/questions", new SupplierQuestionRequest("Frist?"), Ct);
        var question = Assert.Single((await fixture.AdminAsync(dialogue.Id)).Questions);
        var url = $"/api/meetings/dialogues/{dialogue.Id}/questions/{question.Id}/answer";
        Assert.Equal(HttpStatusCode.OK, (await fixture.Coordinator.PostAsJsonAsync(url, new DialogueAnswerRequest("6. april", false, question.Version), Ct)).StatusCode);

        var stale = await fixture.Coordinator.PostAsJsonAsync(url, new DialogueAnswerRequest("7. april", true, question.Version), Ct);

        await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        var stored = Assert.Single((await fixture.AdminAsync(dialogue.Id)).Questions);
        Assert.Equal("6. april", stored.Answer);
        Assert.Null(stored.PublishedAt);
    }

    [Fact]
    public async Task Report_InformationGivenInOneToOne_FlaggedUntilPublishedThenSharedWithAll()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var slot = await fixture.AddSlotAsync(dialogue.Id);
        var told = await fixture.RegisterAsync(dialogue.Id, name: "Fortalt AS");
        var other = await fixture.RegisterAsync(dialogue.Id, name: "Annen AS");
        Assert.Equal(HttpStatusCode.OK, (await fixture.BookAsync(told.Token, slot.Id)).StatusCode);
        var recorded = await DialogueFixture.ReadAsync<InformationView>(await fixture.Coordinator.PostAsJsonAsync(
            $"/api/meetings/dialogues/{dialogue.Id}/slots/{slot.Id}/information", new InformationRequest("=Budsjettrammen er 2 mill. kr.", "Notat 2019/123"), Ct), HttpStatusCode.Created);

        var before = await ReportAsync(dialogue.Id);

        var row = Assert.Single(before.Suppliers, r => r.SupplierId == told.SupplierId);
        Assert.Equal(1, row.SlotsOffered);
        Assert.Equal([slot.StartsAt], row.Booked);
        Assert.Equal(1, row.Held);
        Assert.Null(Assert.Single(row.Information).PublishedAt);
        Assert.Equal(1, row.Unpublished);
        var otherRow = Assert.Single(before.Suppliers, r => r.SupplierId == other.SupplierId);
        Assert.Equal((1, 0, 0), (otherRow.SlotsOffered, otherRow.Booked.Count, otherRow.Information.Count));

        var published = await fixture.Coordinator.PostAsJsonAsync($"/api/meetings/dialogues/{dialogue.Id}/information/{recorded.Id}/publish", new PublishInformationRequest(null), Ct);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var shared = Assert.Single((await fixture.SupplierPageAsync(other.Token)).Dialogue.Answers);
        Assert.Contains("Budsjettrammen er 2 mill. kr.", shared.Answer, StringComparison.Ordinal);
        Assert.Contains("Notat 2019/123", shared.Answer, StringComparison.Ordinal);
        var after = Assert.Single((await ReportAsync(dialogue.Id)).Suppliers, r => r.SupplierId == told.SupplierId);
        Assert.NotNull(Assert.Single(after.Information).PublishedAt);
        Assert.Equal(0, after.Unpublished);
        var again = await fixture.Coordinator.PostAsJsonAsync($"/api/meetings/dialogues/{dialogue.Id}/information/{recorded.Id}/publish", new PublishInformationRequest(null), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single((await fixture.SupplierPageAsync(other.Token)).Dialogue.Answers);
    }

    [Fact]
    public async Task ReportCsv_CellsStartingWithFormulaCharacters_Defused()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var slot = await fixture.AddSlotAsync(dialogue.Id);
        var supplier = await fixture.RegisterAsync(dialogue.Id, name: "=HYPERLINK(\"http://x\")");
        Assert.Equal(HttpStatusCode.OK, (await fixture.BookAsync(supplier.Token, slot.Id)).StatusCode);
        await fixture.Coordinator.PostAsJsonAsync($"/api/meetings/dialogues/{dialogue.Id}/slots/{slot.Id}/information", new InformationRequest("Frist 6. april", null), Ct);

        var response = await fixture.Coordinator.GetAsync($"/api/meetings/dialogues/{dialogue.Id}/report.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(supplier.OrganisationNumber, csv, StringComparison.Ordinal);
        Assert.Contains("Frist 6. april", csv, StringComparison.Ordinal);
        Assert.Contains("ikke publisert", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_UnpublishedInformation_Flagged()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var slot = await fixture.AddSlotAsync(dialogue.Id);
        var supplier = await fixture.RegisterAsync(dialogue.Id, name: "Flagget AS");
        Assert.Equal(HttpStatusCode.OK, (await fixture.BookAsync(supplier.Token, slot.Id)).StatusCode);
        await fixture.Coordinator.PostAsJsonAsync($"/api/meetings/dialogues/{dialogue.Id}/slots/{slot.Id}/information", new InformationRequest("Hemmelig detalj", null), Ct);

        var html = await fixture.Coordinator.GetStringAsync($"/moter/dialoger/{dialogue.Id}/rapport", Ct);

        Assert.Contains("Flagget AS", html, StringComparison.Ordinal);
        Assert.Contains("IKKE publisert for alle", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupplierPage_BookThroughTheFormWithoutJavaScript_BookedAndSeesSharedAnswers()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var slot = await fixture.AddSlotAsync(dialogue.Id);
        var supplier = await fixture.RegisterAsync(dialogue.Id);
        var client = fixture.Public;
        var fields = await FormAsync(client, $"/moter/leverandor/{supplier.Token}");

        var response = await client.PostAsync($"/moter/leverandor/{supplier.Token}?handler=Book&slotId={slot.Id}", new FormUrlEncodedContent(fields), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SlotState.Mine, Assert.Single((await fixture.SupplierPageAsync(supplier.Token)).Slots).State);
        var html = await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Tidspunktet er booket.", html, StringComparison.Ordinal);
    }

    private async Task<DialogueReport> ReportAsync(Guid dialogueId) =>
        await DialogueFixture.ReadAsync<DialogueReport>(await fixture.Coordinator.GetAsync($"/api/meetings/dialogues/{dialogueId}/report", Ct), HttpStatusCode.OK);

    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string path) =>
        new() { ["__RequestVerificationToken"] = await PublicForm.AntiforgeryAsync(client, path) };

    [GeneratedRegex("data-testid=\"private-link\" href=\"([^\"]+)\"")]
    private static partial Regex PrivateLink();
}
