using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Workstreams.Initiatives;

// The ministry's own reference (the one a bulk import matches by) in the initiative form and the API: set, changed
// and cleared; unique within the ministry (a field error naming the field, in the person's language); free to reuse
// in another ministry; shown on the initiative's page.
public sealed partial class InitiativeReferenceTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_SetChangeAndClear_StoredAndShownOnThePage()
    {
        var fin = await api.MinistryAsync("FIN");
        var reference = Reference();
        var created = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Reference = $"  {reference}  " }, People.ContactPersonFin);
        Assert.Equal(reference, created.Reference);
        Assert.Contains($"<dd data-reference>{reference}</dd>", await api.As(People.Observer).GetStringAsync($"/arbeidsstrommer/tiltak/{created.Id}", Ct), StringComparison.Ordinal);

        var changed = await PutAsync(created, Request(created) with { Reference = reference + "-b" });
        Assert.Equal(reference + "-b", changed.Reference);
        Assert.Equal(reference + "-b", (await api.GetInitiativeAsync(created.Id)).Reference);

        var cleared = await PutAsync(changed, Request(changed) with { Reference = " " });
        Assert.Null(cleared.Reference);
        Assert.Contains("<dd data-reference>–</dd>", await api.As(People.Observer).GetStringAsync($"/arbeidsstrommer/tiltak/{created.Id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_ReferenceTakenInTheMinistryOrTooLong_FieldErrorInTheLanguageAndNothingSaved()
    {
        var fin = await api.MinistryAsync("FIN");
        var reference = Reference();
        var holder = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = "Har referansen", Reference = reference }, People.ContactPersonFin);
        var other = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id), People.ContactPersonFin);

        var create = await WorkstreamsApi.PostAsync(api.As(People.ContactPersonFin), "/api/workstreams/initiatives", Builders.Initiative(fin.Id) with { Reference = reference.ToUpperInvariant() });
        var update = await WorkstreamsApi.PutAsync(api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{other.Id}?culture=en-GB", Request(other) with { Reference = reference });
        var tooLong = await WorkstreamsApi.PutAsync(api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{other.Id}", Request(other) with { Reference = new string('r', 101) });

        Assert.Equal([$"Referanse: «{reference.ToUpperInvariant()}» er allerede brukt på tiltaket «Har referansen» i departementet."], (await Problem.ReadErrorsAsync(create, Ct))["Reference"]);
        Assert.Equal([$"Reference: “{reference}” is already used by the initiative “Har referansen” of the ministry."], (await Problem.ReadErrorsAsync(update, Ct))["Reference"]);
        Assert.Equal(["Referanse kan ha høyst 100 tegn."], (await Problem.ReadErrorsAsync(tooLong, Ct))["Reference"]);
        Assert.Null((await api.GetInitiativeAsync(other.Id)).Reference);
        Assert.Equal(other.Version, (await api.GetInitiativeAsync(other.Id)).Version);

        // Its own reference is no clash: the holder saves with it unchanged.
        Assert.Equal(reference, (await PutAsync(holder, Request(holder) with { Title = "Har referansen, endret" })).Reference);
    }

    [Fact]
    public async Task Api_SameReferenceInAnotherMinistry_Allowed()
    {
        var reference = Reference();
        var fin = await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("FIN")).Id) with { Reference = reference }, People.ContactPersonFin);

        var hod = await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("HOD")).Id) with { Reference = reference }, People.ContactPersonHod);

        Assert.Equal((reference, reference), (fin.Reference, hod.Reference));
    }

    [Fact]
    public async Task Page_SetChangeClearAndDuplicate_SavedOrFieldErrorBesideTheField()
    {
        var fin = await api.MinistryAsync("FIN");
        var reference = Reference();
        await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = "Eier referansen", Reference = reference + "-tatt" }, People.ContactPersonFin);
        var client = api.As(People.ContactPersonFin);
        var form = await client.GetStringAsync("/arbeidsstrommer/tiltak/ny", Ct);
        Assert.Contains("name=\"Input.Reference\"", form, StringComparison.Ordinal);

        var created = await client.PostAsync("/arbeidsstrommer/tiltak/ny", Form(form, "Fra skjemaet", fin.Id, reference, version: null), Ct);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(IdInLocation().Match(created.Headers.Location!.OriginalString).Groups[1].Value);
        var details = await api.GetInitiativeAsync(id);
        Assert.Equal(reference, details.Reference);

        var edit = await client.GetStringAsync($"/arbeidsstrommer/tiltak/{id}/endre", Ct);
        Assert.Contains($"value=\"{reference}\"", edit, StringComparison.Ordinal);
        var duplicate = await client.PostAsync($"/arbeidsstrommer/tiltak/{id}/endre", Form(edit, "Fra skjemaet", fin.Id, reference + "-tatt", details.Version), Ct);
        var shown = await duplicate.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains($"Referanse: «{reference}-tatt» er allerede brukt på tiltaket «Eier referansen» i departementet.", shown, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_Reference\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Input_Reference\"", shown);
        Assert.Equal(reference, (await api.GetInitiativeAsync(id)).Reference);

        var changed = await client.PostAsync($"/arbeidsstrommer/tiltak/{id}/endre", Form(edit, "Fra skjemaet", fin.Id, reference + "-ny", details.Version), Ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await api.GetInitiativeAsync(id);
        Assert.Equal(reference + "-ny", after.Reference);

        var cleared = await client.PostAsync($"/arbeidsstrommer/tiltak/{id}/endre", Form(edit, "Fra skjemaet", fin.Id, "", after.Version), Ct);
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null((await api.GetInitiativeAsync(id)).Reference);
    }

    private static string Reference() => "ref-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<InitiativeDetails> PutAsync(InitiativeDetails current, InitiativeRequest request) =>
        await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PutAsync(api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{current.Id}", request), HttpStatusCode.OK);

    // The initiative as it is, for a PUT: every field, the reference too.
    private static InitiativeRequest Request(InitiativeDetails i) => new(
        i.Title, i.Summary, i.OwningMinistryId, [.. i.Agencies.Select(a => a.Id)], [.. i.CollaboratingMinistries.Select(m => m.Id)], i.WorkstreamIds,
        i.Phase, i.Progress, i.Status, i.StatusReason, i.StartDate, i.EndDate, i.ContactPersonId, i.Tags, i.Links, i.ExpectedResults, i.AchievedResults,
        Version: i.Version, Reference: i.Reference);

    private static FormUrlEncodedContent Form(string page, string title, Guid ministryId, string reference, long? version) => new(
    [
        new("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value),
        new("Input.Title", title),
        new("Input.OwningMinistryId", ministryId.ToString()),
        new("Input.Reference", reference),
        new("Input.Phase", "Planned"),
        new("Input.Progress", "10"),
        new("Input.Status", "Green"),
        new("Input.Version", version?.ToString(CultureInfo.InvariantCulture) ?? ""),
    ]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("/arbeidsstrommer/tiltak/([0-9a-f-]{36})")]
    private static partial Regex IdInLocation();
}
