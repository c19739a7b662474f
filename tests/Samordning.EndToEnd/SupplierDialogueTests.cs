using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Issue 18, point 4: a coordinator opens a supplier dialogue and offers a one-to-one slot; a supplier, in a browser
// whose app scripts are all refused and without signing in, registers with its organisation number, follows the
// private link, books the slot and asks a question; KMD answers and publishes it, and the supplier sees the shared
// answer. Every page passes axe.
public sealed partial class SupplierDialogueTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Supplier_RegistersBooksAndAsks_SeesTheAnswerKmdPublished()
    {
        var title = $"Prosesstøtte {Guid.NewGuid():N}"[..26];
        var question = $"Skal innbyggerne involveres? {Guid.NewGuid():N}"[..40];
        const string Answer = "Ja, innbyggerne skal involveres bredt.";

        await using var staff = await fixture.NewContextAsync(bypassCsp: true);
        var coordinator = await staff.NewPageAsync();
        await coordinator.SignInAsync("/moter", Accounts.Coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Leverandørdialoger", Exact = true }).ClickAsync();
        await coordinator.GetByLabel("Tittel", new() { Exact = true }).FillAsync(title);
        await coordinator.GetByLabel("Vilkår", new() { Exact = true }).FillAsync("Det som sies i en-til-en-møter, publiseres for alle.");
        await coordinator.GetByLabel("Publiser dialogen (offentlig side og påmelding)", new() { Exact = true }).CheckAsync();
        AssertNone(await Axe.CheckAsync(coordinator));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Opprett", Exact = true }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await coordinator.GetByLabel("Sted", new() { Exact = true }).FillAsync("KMD, Akersgata 59");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Legg ut tiden", Exact = true }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Avbestill") })).ToHaveCountAsync(0);
        AssertNone(await Axe.CheckAsync(coordinator));
        var publicPath = await coordinator.GetByRole(AriaRole.Link, new() { Name = "Offentlig side", Exact = true }).GetAttributeAsync("href");

        await using var outside = await fixture.NewContextAsync(bypassCsp: true);
        var supplier = await outside.NewPageAsync();
        await supplier.RouteAsync(Scripts(), route => route.AbortAsync());
        await supplier.GotoAsync(publicPath!);
        await supplier.GetByLabel("Organisasjonens navn", new() { Exact = true }).FillAsync("Prosessbyrå AS");
        await supplier.GetByLabel("Organisasjonsnummer", new() { Exact = true }).FillAsync("123456786");
        await supplier.GetByLabel("Kontaktperson", new() { Exact = true }).FillAsync("Kari Konsulent");
        await supplier.GetByLabel("E-post", new() { Exact = true }).FillAsync("kari@prosessbyra.example.no");
        await supplier.GetByLabel("Vi godtar vilkårene for dialogen", new() { Exact = true }).CheckAsync();
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Meld på", Exact = true }).ClickAsync();
        await Expect(supplier.Locator("#Input_OrganisationNumber-error")).ToHaveTextAsync("Organisasjonsnummer må være ni siffer med gyldig kontrollsiffer.");
        AssertNone(await Axe.CheckAsync(supplier));
        await supplier.GetByLabel("Organisasjonsnummer", new() { Exact = true }).FillAsync("123 456 785");
        await supplier.GetByLabel("Vi godtar vilkårene for dialogen", new() { Exact = true }).CheckAsync();
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Meld på", Exact = true }).ClickAsync();
        await Expect(supplier.GetByTestId("dialogue-receipt")).ToContainTextAsync("Prosessbyrå AS");
        AssertNone(await Axe.CheckAsync(supplier));

        await supplier.GetByTestId("private-link").ClickAsync();
        await Expect(supplier.GetByTestId("supplier-name")).ToContainTextAsync("Prosessbyrå AS");
        AssertNone(await Axe.CheckAsync(supplier));
        await supplier.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Book ") }).ClickAsync();
        await Expect(supplier.GetByTestId("supplier-message")).ToHaveTextAsync("Tidspunktet er booket.");
        await Expect(supplier.GetByTestId("supplier-slots")).ToContainTextAsync("Booket av dere");
        await supplier.GetByLabel("Spørsmål", new() { Exact = true }).FillAsync(question);
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Send spørsmålet", Exact = true }).ClickAsync();
        await Expect(supplier.GetByTestId("supplier-message")).ToContainTextAsync("Spørsmålet er sendt til KMD.");
        Assert.True(await supplier.EvaluateAsync<bool>("() => typeof window.signalR === 'undefined'"), "A script of the app ran.");

        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByText("Booket av Prosessbyrå AS")).ToBeVisibleAsync();
        await coordinator.GetByLabel("Svar", new() { Exact = true }).FillAsync(Answer);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lagre svaret", Exact = true }).ClickAsync();
        await Expect(coordinator.GetByText("publisert ").First).ToBeVisibleAsync();
        AssertNone(await Axe.CheckAsync(coordinator));

        await supplier.ReloadAsync();
        var answers = supplier.GetByTestId("dialogue-answers");
        await Expect(answers).ToContainTextAsync(question);
        await Expect(answers).ToContainTextAsync(Answer);
        await Expect(answers).Not.ToContainTextAsync("Prosessbyrå");
        AssertNone(await Axe.CheckAsync(supplier));

        await supplier.GotoAsync(publicPath!);
        await Expect(supplier.GetByTestId("dialogue-answers")).ToContainTextAsync(Answer);
    }

    private static void AssertNone(IReadOnlyList<AxeViolation> violations) =>
        Assert.True(violations.Count == 0, $"Serious or critical accessibility violations:\n{string.Join('\n', violations)}");

    [GeneratedRegex(@"\.m?js(\?.*)?$")]
    private static partial Regex Scripts();
}
