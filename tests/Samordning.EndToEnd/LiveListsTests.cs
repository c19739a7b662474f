using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 16, point 6: the lists others change update without a reload, in two browsers: one person changes, the
// other sees it, keeps what they were typing and where the keyboard was, and hears a polite announcement.
public sealed partial class LiveListsTests(EndToEndFixture fixture)
{
    // Live delivery crosses two browsers, the hub and a refetch of the page on a loaded machine.
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 30_000 };
    private static readonly string[] Suppliers = ["Suppliers"];
    private static readonly string[] Questions = ["Hva bør vi gjøre?"];

    [Fact]
    public async Task InitiativeList_SomeoneRegistersAMatchingInitiative_AppearsWithoutReloadKeepingTypedInput()
    {
        var word = $"Levende{Guid.NewGuid():N}"[..18];
        await using var watcherContext = await fixture.NewContextAsync(bypassCsp: true);
        var list = await watcherContext.NewPageAsync();
        await list.SignInAsync($"/arbeidsstrommer/tiltak?q={word}", Accounts.Coordinator);
        await Expect(list.Locator("#initiatives caption")).ToHaveTextAsync("0 tiltak");
        await MarkAsync(list);
        var search = list.GetByLabel("Søk i tiltak", new() { Exact = true });
        await search.FillAsync($"{word} halvskrevet");

        await using var writerContext = await fixture.NewContextAsync();
        var writer = await writerContext.NewPageAsync();
        await writer.SignInAsync("/arbeidsstrommer/tiltak/ny", Accounts.ParticipantFin);
        await WorkstreamsInitiativeTests.RegisterAsync(writer, $"Tiltak {word}", "FIN");

        await Expect(list.Locator("#initiatives").GetByRole(AriaRole.Link, new() { Name = $"Tiltak {word}", Exact = true })).ToBeVisibleAsync(Live);
        await Expect(list.Locator("#initiatives caption")).ToHaveTextAsync("1 tiltak");
        await Expect(list.Locator("#live-status")).ToHaveTextAsync("Listen er oppdatert.");
        await Expect(list.Locator("#live-status")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(search).ToHaveValueAsync($"{word} halvskrevet");
        await Expect(search).ToBeFocusedAsync();
        await AssertSamePageAsync(list);
        Assert.Empty(await Axe.CheckAsync(list));
    }

    [Fact]
    public async Task MeetingListAndParticipants_FacilitatorPlansAndMarksAttendance_ParticipantSeesBothWithoutReload()
    {
        var title = $"Levende møte {Guid.NewGuid():N}"[..25];
        await using var participantContext = await fixture.NewContextAsync(bypassCsp: true);
        var participant = await participantContext.NewPageAsync();
        await participant.SignInAsync("/moter", Accounts.ParticipantFin);
        await MarkAsync(participant);

        await using var facilitatorContext = await fixture.NewContextAsync();
        var facilitator = await facilitatorContext.NewPageAsync();
        await facilitator.SignInAsync("/moter/ny", Accounts.Facilitator);
        await facilitator.GetByLabel("Tittel", new() { Exact = true }).FillAsync(title);
        await facilitator.GetByLabel("Dato", new() { Exact = true }).FillAsync("2031-05-06");
        await facilitator.GetByLabel("Starter kl. (norsk tid)", new() { Exact = true }).FillAsync("09:00");
        await facilitator.GetByLabel("Slutter kl. (norsk tid)", new() { Exact = true }).FillAsync("11:00");
        await facilitator.GetByLabel("Sted", new() { Exact = true }).FillAsync("Akersgata 59");
        await facilitator.GetByLabel("Deltakere fra personregisteret", new() { Exact = true }).SelectOptionAsync(
            [new SelectOptionValue { Label = $"Per Hansen ({Accounts.ParticipantFin})" }]);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        var link = participant.Locator("#meetings").GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
        await Expect(link).ToBeVisibleAsync(Live);
        await Expect(participant.Locator("#live-status")).ToHaveTextAsync("Møtelisten er oppdatert.");
        await AssertSamePageAsync(participant);

        await link.ClickAsync();
        await Expect(participant.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await MarkAsync(participant);
        var perAttended = participant.Locator("#participants tr").Filter(new() { HasText = "Per Hansen" });
        await Expect(perAttended).ToContainTextAsync("Nei");

        await facilitator.Locator("#participants tr").Filter(new() { HasText = "Per Hansen" }).GetByRole(AriaRole.Button).ClickAsync();

        await Expect(perAttended).ToContainTextAsync("Ja", new() { Timeout = 30_000 });
        await Expect(participant.Locator("#live-status")).ToHaveTextAsync("Deltakerlisten er oppdatert.");
        await AssertSamePageAsync(participant);
        Assert.Empty(await Axe.CheckAsync(participant));
    }

    [Fact]
    public async Task InputRegister_InputRecordedForTheMinistry_ContactPersonSeesItWithoutReload()
    {
        var organisation = $"Levende AS {Guid.NewGuid():N}"[..22];
        await using var watcherContext = await fixture.NewContextAsync(bypassCsp: true);
        var register = await watcherContext.NewPageAsync();
        await register.SignInAsync($"/innspillsregister?Search={Uri.EscapeDataString(organisation)}", Accounts.ParticipantFin);
        await Expect(register.GetByText("Ingen innspill passer.")).ToBeVisibleAsync();
        await MarkAsync(register);

        await using var writerContext = await fixture.NewContextAsync();
        var writer = await writerContext.NewPageAsync();
        await writer.SignInAsync("/innspillsregister/ny", Accounts.ParticipantFin);
        await writer.GetByLabel("Kanal", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "E-post" });
        await writer.GetByLabel("Kilde, for eksempel «Brev fra Difi» eller møtets navn", new() { Exact = true }).FillAsync("E-post til postmottaket");
        await writer.GetByLabel("Avsendertype", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Leverandør" });
        await writer.GetByLabel("Organisasjon", new() { Exact = true }).FillAsync(organisation);
        await writer.GetByLabel("Innspillet", new() { Exact = true }).FillAsync("Et innspill som kommer mens listen er åpen.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Registrer", Exact = true }).ClickAsync();
        await Expect(writer).ToHaveURLAsync(ItemPath());

        await Expect(register.Locator("#register").GetByRole(AriaRole.Row).Filter(new() { HasText = organisation })).ToBeVisibleAsync(Live);
        await Expect(register.Locator("#live-status")).ToHaveTextAsync("Innspillslisten er oppdatert.");
        await AssertSamePageAsync(register);
        Assert.Empty(await Axe.CheckAsync(register));
    }

    [Fact]
    public async Task InputRoundPage_InputArrivesThenIsAssessed_CountsUpdateWithoutReload()
    {
        var title = $"Levende runde {Guid.NewGuid():N}"[..26];
        await using var writerContext = await fixture.NewContextAsync();
        var writer = await writerContext.NewPageAsync();
        await writer.SignInAsync("/innspillsregister", Accounts.Coordinator);
        var round = await PostAsync(writer, "/api/feedback/rounds", new
        {
            title,
            description = "Ende-til-ende-test av rundens side.",
            audience = Suppliers,
            questions = Questions,
            opensAt = DateTimeOffset.UtcNow.AddHours(-1),
            deadline = DateTimeOffset.UtcNow.AddDays(14),
            isPublic = true,
            retentionMonths = 24,
        });

        await using var watcherContext = await fixture.NewContextAsync(bypassCsp: true);
        var page = await watcherContext.NewPageAsync();
        await page.SignInAsync($"/innspillsregister/runder/{round.GetProperty("id").GetGuid()}", Accounts.Coordinator);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.Locator("#round-input-count")).ToHaveTextAsync("0 innspill");
        await MarkAsync(page);

        var item = await PostAsync(writer, "/api/feedback/items", new
        {
            roundId = round.GetProperty("id").GetGuid(),
            channel = "Email",
            source = "E-post til postmottaket",
            contributorType = "Supplier",
            organisationName = "Levende Leverandør AS",
            text = "Et innspill som kommer mens rundens side er åpen.",
        });

        await Expect(page.Locator("#round-input-count")).ToHaveTextAsync("1 innspill", new() { Timeout = 30_000 });
        await Expect(page.Locator("#round-input-status")).ToHaveTextAsync(new Regex("Mottatt: 1"));
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Runden er oppdatert.");

        var assessed = await writer.APIRequest.PutAsync($"/api/feedback/items/{item.GetProperty("id").GetGuid()}/assessment", new()
        {
            DataObject = new { status = "Used", assessment = "Tas med i kapittel 8.", published = false, exempt = false, version = item.GetProperty("version").GetInt64() },
        });
        Assert.True(assessed.Status == 200, await assessed.TextAsync());

        await Expect(page.Locator("#round-input-status")).ToHaveTextAsync(new Regex("Brukt: 1"), new() { Timeout = 30_000 });
        await Expect(page.Locator("#round-input-status")).Not.ToHaveTextAsync(new Regex("Mottatt"));
        await AssertSamePageAsync(page);
        Assert.Empty(await Axe.CheckAsync(page));
    }

    // Through the API with the page's session; the created resource as JSON.
    private static async Task<System.Text.Json.JsonElement> PostAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync(path, new() { DataObject = body });
        Assert.True(response.Status == 201, await response.TextAsync());
        return System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    // A reload would clear this; a live update keeps it.
    private static async Task MarkAsync(IPage page) => await page.EvaluateAsync("() => { window.e2eSamePage = true; }");

    private static async Task AssertSamePageAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.e2eSamePage === true"), "The page was reloaded instead of updated.");

    [GeneratedRegex(@"/innspillsregister/[0-9a-f-]{36}")]
    private static partial Regex ItemPath();
}
