using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

public sealed partial class AccessTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task SignIn_PersonNotInRegistry_SeesNoAccessAndNoData()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync("/", Accounts.Unknown);

        await Expect(page).ToHaveURLAsync(NoAccessPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Du har ikke fått tilgang ennå");

        await page.GotoAsync("/departementer");
        await Expect(page).ToHaveURLAsync(NoAccessPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Du har ikke fått tilgang ennå");
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await Expect(page.GetByText("Kommunal- og moderniseringsdepartementet")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Finansdepartementet")).ToHaveCountAsync(0);

        // The API refuses the signed-in session too (403, not a redirect to a page it cannot follow).
        var status = await page.EvaluateAsync<int>("async () => (await fetch('/api/ministries')).status");
        Assert.Equal(403, status);
    }

    [Fact]
    public async Task SignOut_SignedInCoordinator_EndsBothSessions()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("/departementer", Accounts.Coordinator);

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut", Exact = true }).ClickAsync();

        // Back on the front page, which is public since issue 16 (it used to send the visitor on to the sign-in page).
        await Expect(page).ToHaveURLAsync(FrontPage());
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Logg inn", Exact = true })).ToBeVisibleAsync();

        // Signed out of the app and of the identity provider: the next page asks for the password again
        // instead of signing the person silently back in.
        await page.GotoAsync("/departementer");
        await Expect(page).ToHaveURLAsync(SignIn.LoginPage());
        await Expect(page.GetByLabel("Passord", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut", Exact = true })).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex FrontPage();

    [GeneratedRegex("/ingen-tilgang")]
    private static partial Regex NoAccessPage();
}
