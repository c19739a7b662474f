using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samordning.Feedback.Register;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Feedback;

// The register's links to workstreams through Samordning.Workstreams.Contracts: names instead of ids, the picker,
// the filter, the Word export by name, and unknown workstreams refused in the person's language.
public sealed class RegisterWorkstreamsTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_UnknownWorkstream_FieldErrorInBokmalAndEnglish()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var request = RegisterApi.Record() with { WorkstreamIds = [Guid.NewGuid()] };

        var norwegian = await Problem.ReadErrorsAsync(await client.PostAsJsonAsync("/api/feedback/items", request, FeedbackFixture.Json, Ct), Ct);
        var english = await Problem.ReadErrorsAsync(await client.PostAsJsonAsync("/api/feedback/items?culture=en-GB", request, FeedbackFixture.Json, Ct), Ct);

        Assert.Equal(["Arbeidsstrømmen finnes ikke. Velg blant arbeidsstrømmene i listen."], norwegian["WorkstreamIds"]);
        Assert.Equal(["The workstream does not exist. Choose among the workstreams in the list."], english["WorkstreamIds"]);
    }

    [Fact]
    public async Task Assess_UnknownWorkstreamBesideAKnownOne_400AndNothingLinked()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var known = (await RegisterApi.WorkstreamsAsync(fixture))[0].Id;
        var item = await RegisterApi.RecordAsync(client, RegisterApi.Record());

        var errors = await Problem.ReadErrorsAsync(await RegisterApi.AssessAsync(client, item.Id, RegisterApi.Assess(item, workstreams: [known, Guid.NewGuid()])), Ct);

        Assert.Contains("WorkstreamIds", errors.Keys);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.Where(i => i.Id == item.Id).SelectMany(i => i.Workstreams).CountAsync(Ct)));
    }

    [Fact]
    public async Task Record_KnownWorkstreams_LinkedAndNamedOnTheRegisterAndDetailsPages()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var workstreams = await RegisterApi.WorkstreamsAsync(fixture);
        var item = await RegisterApi.RecordAsync(client, RegisterApi.Record() with { WorkstreamIds = [workstreams[1].Id, workstreams[2].Id] });

        var details = await client.GetStringAsync($"/innspillsregister/{item.Id}", Ct);
        var register = await client.GetStringAsync($"/innspillsregister?Search={item.Reference}", Ct);

        Assert.Equal(new[] { workstreams[1].Id, workstreams[2].Id }.Order(), item.WorkstreamIds.Order());
        foreach (var page in new[] { details, register })
        {
            Assert.Contains($"{workstreams[1].Chapter} {workstreams[1].TitleNb}, {workstreams[2].Chapter} {workstreams[2].TitleNb}", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AssessPage_Picker_FieldsetWithALabelledCheckboxPerWorkstreamAndTheLinksTicked()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var workstreams = await RegisterApi.WorkstreamsAsync(fixture);
        var item = await RegisterApi.RecordAsync(client, RegisterApi.Record() with { WorkstreamIds = [workstreams[3].Id] });

        var page = await client.GetStringAsync($"/innspillsregister/{item.Id}?culture=en-GB", Ct);

        Assert.Contains("<legend class=\"ds-label\">Workstreams the input concerns</legend>", page, StringComparison.Ordinal);
        for (var i = 0; i < workstreams.Count; i++)
        {
            var checkbox = $"<input class=\"ds-input\" type=\"checkbox\" id=\"Input_WorkstreamIds-{i}\" name=\"Input.WorkstreamIds\" value=\"{workstreams[i].Id}\"";
            Assert.Contains(i == 3 ? checkbox + " checked=\"checked\" />" : checkbox + " />", page, StringComparison.Ordinal);
            Assert.Contains($"<label class=\"ds-label\" for=\"Input_WorkstreamIds-{i}\">{workstreams[i].Chapter} {workstreams[i].TitleEn}</label>", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AssessPage_TickedAndUnknownWorkstreams_SavedOrRefusedBesideThePicker()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var workstreams = await RegisterApi.WorkstreamsAsync(fixture);
        var item = await RegisterApi.RecordAsync(client, RegisterApi.Record() with { WorkstreamIds = [workstreams[0].Id] });
        var path = $"/innspillsregister/{item.Id}";
        var antiforgery = await PublicForm.AntiforgeryAsync(client, path);
        List<KeyValuePair<string, string>> Form(params Guid[] ids) =>
        [
            new("__RequestVerificationToken", antiforgery),
            new("Input.Status", "BeingAssessed"),
            new("Input.Version", item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. ids.Select(id => new KeyValuePair<string, string>("Input.WorkstreamIds", id.ToString())),
        ];

        var refused = await PublicForm.PostToAsync(client, $"{path}?culture=en-GB", Form(workstreams[5].Id, Guid.NewGuid()));
        var saved = await PublicForm.PostToAsync(client, path, Form(workstreams[5].Id, workstreams[6].Id));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<p class=\"ds-validation-message\" id=\"Input_WorkstreamIds-error\" data-field=\"validation\">The workstream does not exist.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var linked = await fixture.WithDbAsync(db => db.Items.Where(i => i.Id == item.Id).SelectMany(i => i.Workstreams).Select(w => w.WorkstreamId).ToListAsync(Ct));
        Assert.Equal(new[] { workstreams[5].Id, workstreams[6].Id }.Order(), linked.Order());
    }

    [Fact]
    public async Task RegisterPage_FilterByWorkstream_OnlyItsInputAndTheSelectNamesEveryWorkstream()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var workstreams = await RegisterApi.WorkstreamsAsync(fixture);
        var linked = await RegisterApi.RecordAsync(client, RegisterApi.Record(text: "Knyttet til kapittel 11") with { WorkstreamIds = [workstreams[7].Id] });
        var other = await RegisterApi.RecordAsync(client, RegisterApi.Record(text: "Ikke knyttet til kapittel 11"));

        var page = await client.GetStringAsync($"/innspillsregister?WorkstreamId={workstreams[7].Id}", Ct);
        var api = (await RegisterApi.ReadAsync<ItemPage>(await client.GetAsync($"/api/feedback/items?workstreamId={workstreams[7].Id}", Ct), HttpStatusCode.OK)).Items;

        Assert.Contains(linked.Reference, page, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Reference, page, StringComparison.Ordinal);
        Assert.Contains($"<option selected=\"selected\" value=\"{workstreams[7].Id}\">{workstreams[7].Chapter} {workstreams[7].TitleNb}</option>", page, StringComparison.Ordinal);
        Assert.All(workstreams, w => Assert.Contains($"value=\"{w.Id}\"", page, StringComparison.Ordinal));
        Assert.Contains(api, i => i.Id == linked.Id);
        Assert.DoesNotContain(api, i => i.Id == other.Id);
    }

    [Fact]
    public async Task RegisterFilter_UnknownWorkstream_FieldErrorOnThePageAnd400FromTheApi()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var unknown = Guid.NewGuid();

        var page = await client.GetStringAsync($"/innspillsregister?WorkstreamId={unknown}&culture=en-GB", Ct);
        var errors = await Problem.ReadErrorsAsync(await client.GetAsync($"/api/feedback/items?workstreamId={unknown}", Ct), Ct);

        Assert.Contains("<p class=\"ds-validation-message\" data-field=\"validation\" id=\"WorkstreamId-error\">The workstream does not exist.", page, StringComparison.Ordinal);
        Assert.Equal(["Arbeidsstrømmen finnes ikke. Velg blant arbeidsstrømmene i listen."], errors["WorkstreamId"]);
    }

    [Fact]
    public async Task ExportPage_EveryWorkstreamByNameWithItsWordDocument_TitledWithTheName()
    {
        var client = fixture.Factory.CreateClientAs(People.Observer);
        var workstreams = await RegisterApi.WorkstreamsAsync(fixture);
        var chapter = workstreams[8];

        var page = await client.GetStringAsync("/innspillsregister/arbeidsstrommer", Ct);
        var document = await client.GetAsync($"/api/feedback/workstreams/{chapter.Id}/input.docx", Ct);
        var unknown = await client.GetAsync($"/api/feedback/workstreams/{Guid.NewGuid()}/input.docx", Ct);

        Assert.All(workstreams, w => Assert.Contains(
            $"<a class=\"ds-link\" href=\"/api/feedback/workstreams/{w.Id}/input.docx\" download>Last ned «{w.Chapter} {w.TitleNb}»</a>", page, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal($"innspill-kapittel-{chapter.Chapter}.docx", document.Content.Headers.ContentDisposition?.FileName);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await document.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Equal($"{chapter.Chapter} {chapter.TitleNb}", word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First().InnerText);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
