using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Feedback;

// Staff recording input that came by e-mail or letter attach its files, under the public page's rules.
public sealed class RecordAttachmentsTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private const string Path = "/innspillsregister/ny";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordPage_LetterWithPdfAndDocx_StoredAndDownloadable()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var source = $"Brev {Guid.NewGuid():N}";

        var response = await PublicForm.PostToAsync(client, Path, await FormAsync(client, source), ("brev.pdf", Files.Pdf()), ("vedlegg.docx", Files.Docx()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await fixture.WithDbAsync(db => db.Items.Include(i => i.Attachments).SingleAsync(i => i.Source == source, Ct));
        Assert.Equal(["brev.pdf", "vedlegg.docx"], item.Attachments.Select(a => a.FileName).Order(StringComparer.Ordinal));
        var pdf = item.Attachments.Single(a => a.FileName == "brev.pdf");
        var download = await client.GetAsync($"/api/feedback/items/{item.Id}/attachments/{pdf.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Files.Pdf(), await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task RecordPage_FileOverLimit_413WithReadableMessageAndNothingStored()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var source = $"Brev {Guid.NewGuid():N}";
        var big = new byte[(5 * 1024 * 1024) + 1];
        Files.Pdf().CopyTo(big, 0);

        var response = await PublicForm.PostToAsync(client, $"{Path}?culture=en-GB", await FormAsync(client, source), ("stor.pdf", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("“stor.pdf” is larger than 5 MB.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.Source == source, Ct)));
    }

    [Fact]
    public async Task RecordPage_ExecutableNamedPdfOrFourFiles_FieldErrorsAndNothingStored()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var source = $"Brev {Guid.NewGuid():N}";

        var renamed = await PublicForm.PostToAsync(client, Path, await FormAsync(client, source), ("program.pdf", Files.Exe()));
        var four = await PublicForm.PostToAsync(client, Path, await FormAsync(client, source),
            ("1.pdf", Files.Pdf()), ("2.pdf", Files.Pdf()), ("3.pdf", Files.Pdf()), ("4.pdf", Files.Pdf()));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("«program.pdf» er ikke en PDF-, Word- eller OpenDocument-fil.", await renamed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Du kan legge ved høyst 3 filer.", await four.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.Source == source, Ct)));
    }

    [Fact]
    public async Task RecordPage_Observer_403AndNothingStored()
    {
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var observer = fixture.Factory.CreateClientAs(People.Observer);
        var source = $"Brev {Guid.NewGuid():N}";
        var form = await FormAsync(coordinator, source);
        var round = await fixture.OpenRoundAsync();
        form[0] = new("__RequestVerificationToken", await PublicForm.AntiforgeryAsync(observer, $"/innspill/{round.Id}"));

        var response = await PublicForm.PostToAsync(observer, Path, form, ("brev.pdf", Files.Pdf()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.Source == source, Ct)));
    }

    [Fact]
    public async Task Api_FilesForRecordedInput_AttachedUpToTheLimitThen413Or400()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var item = await RegisterApi.RecordAsync(client, RegisterApi.Record());
        var path = $"/api/feedback/items/{item.Id}/attachments";
        var big = new byte[(5 * 1024 * 1024) + 1];
        Files.Pdf().CopyTo(big, 0);

        var attached = await RegisterApi.ReadAsync<Samordning.Feedback.Register.ItemDetails>(
            await PublicForm.PostToAsync(client, path, [], ("brev.pdf", Files.Pdf()), ("notat.odt", Files.Odt())), HttpStatusCode.OK);
        var tooLarge = await PublicForm.PostToAsync(client, $"{path}?culture=en-GB", [], ("stor.pdf", big));
        var beyondTheCount = await Problem.ReadErrorsAsync(await PublicForm.PostToAsync(client, path, [], ("a.pdf", Files.Pdf()), ("b.pdf", Files.Pdf())), Ct);

        Assert.Equal(["brev.pdf", "notat.odt"], attached.Attachments.Select(a => a.FileName).Order(StringComparer.Ordinal));
        var problem = await Problem.ReadAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, Ct);
        Assert.Equal("“stor.pdf” is larger than 5 MB.", problem.GetProperty("detail").GetString());
        Assert.Equal(["Et innspill kan ha høyst 3 vedlegg; dette har 2."], beyondTheCount["Attachments"]);
        Assert.Equal(2, await fixture.WithDbAsync(db => db.Attachments.CountAsync(a => a.ItemId == item.Id, Ct)));
    }

    [Fact]
    public async Task Api_FilesForInputFromThePublicForm_RefusedAndNothingAttached()
    {
        var round = await fixture.OpenRoundAsync();
        var visitor = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(visitor, round.Id);
        var reference = PublicForm.Reference(await PublicForm.PostAsync(visitor, round.Id, PublicForm.Valid(antiforgery, token)));
        var id = await fixture.WithDbAsync(db => db.Items.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync(Ct));

        var errors = await Problem.ReadErrorsAsync(
            await PublicForm.PostToAsync(fixture.Factory.CreateClientAs(People.Coordinator), $"/api/feedback/items/{id}/attachments", [], ("brev.pdf", Files.Pdf())), Ct);

        Assert.Contains("Attachments", errors.Keys);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Attachments.CountAsync(a => a.ItemId == id, Ct)));
    }

    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string source) =>
    [
        new("__RequestVerificationToken", await PublicForm.AntiforgeryAsync(client, Path)),
        new("Input.Channel", "Letter"),
        new("Input.Source", source),
        new("Input.ContributorType", "Organisation"),
        new("Input.OrganisationName", "Brevskriverne AS"),
        new("Input.Text", "Se vedlagte brev."),
    ];
}
