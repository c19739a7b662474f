using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordning.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd;

// Sign-in through an OpenID Provider nobody on the project wrote (oidc-provider from npm), claims only in UserInfo.
[Collection(UserInfoProviderCollection.Name)]
public sealed partial class IndependentProviderTests(EndToEndFixture browser, UserInfoProviderHost idp)
{
    [Fact]
    public async Task SignIn_ClaimsOnlyInUserInfo_RegisteredCoordinatorLandsWithRole()
    {
        await using var context = await browser.NewContextAsync(idp.Address);
        var page = await context.NewPageAsync();

        await page.SignInAtProviderAsync(idp.Address, "/departementer/ny", "ext-kari");

        // The page only coordinators and administrators may open, with the registry's name in the header.
        await Expect(page).ToHaveURLAsync(new Regex("/departementer/ny$"));
        await Expect(page.GetByLabel("Kode", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".site-header__user")).ToHaveTextAsync("Kari Nordmann");
    }

    [Theory]
    [InlineData("ext-ukjent")]

    // Per's address, but the provider has not verified it: the registry's Per is not handed over.
    [InlineData("ext-uverifisert")]
    public async Task SignIn_UnknownOrUnverifiedPerson_SeesNoAccess(string login)
    {
        await using var context = await browser.NewContextAsync(idp.Address);
        var page = await context.NewPageAsync();

        await page.SignInAtProviderAsync(idp.Address, "/departementer", login);

        await Expect(page).ToHaveURLAsync(NoAccessPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Du har ikke fått tilgang ennå");
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignOut_IndependentProvider_ReturnsToTheApp()
    {
        await using var context = await browser.NewContextAsync(idp.Address);
        var page = await context.NewPageAsync();
        await page.SignInAtProviderAsync(idp.Address, "/departementer", "ext-kari");
        var visited = new List<string>();
        page.Request += (_, request) => visited.Add(request.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out", Exact = true }).ClickAsync();

        // Back through the app's sign-out callback to the app's public front page; signing in again shows the
        // provider's sign-in page, because the provider's session ended too (not its "Sign-out Success" page).
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logg inn", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Logg inn", Exact = true }).ClickAsync();
        await Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        Assert.Contains(visited, url => url.StartsWith($"{idp.Address.GetLeftPart(UriPartial.Authority)}/signout-callback-oidc", StringComparison.Ordinal));
        await Expect(page.GetByText("Sign-out Success")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/ingen-tilgang")]
    private static partial Regex NoAccessPage();
}

// The same provider with the e-mail in the ID token and no email_verified, as Entra ID does (Auth:TrustUnverifiedEmail).
public sealed class IndependentProviderIdTokenTests(EndToEndFixture browser, IdTokenProviderHost idp) : IClassFixture<IdTokenProviderHost>
{
    [Fact]
    public async Task SignIn_EmailInIdToken_RegisteredContactPersonLandsWithRole()
    {
        await using var context = await browser.NewContextAsync(idp.Address);
        var page = await context.NewPageAsync();

        await page.SignInAtProviderAsync(idp.Address, "/departementer", "ext-per");

        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Expect(page.Locator(".site-header__user")).ToHaveTextAsync("Per Hansen");

        // A contact person, not a coordinator: registering a ministry is closed to him.
        await page.GotoAsync("/departementer/ny");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Du har ikke tilgang til denne siden");
    }
}
