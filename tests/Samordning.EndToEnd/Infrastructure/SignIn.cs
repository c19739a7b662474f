using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd.Infrastructure;

internal static partial class SignIn
{
    // Opens a page, follows the OpenID Connect redirect to the development identity provider's sign-in page (on a
    // public page such as the front page, through the header's sign-in link), signs in there as a person would, and
    // waits until the browser has come back.
    public static async Task SignInAsync(this IPage page, string path, string email)
    {
        await page.GotoAsync(path);
        if (!LoginPage().IsMatch(page.Url))
        {
            await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Logg inn", Exact = true }).ClickAsync();
        }

        await Expect(page).ToHaveURLAsync(LoginPage());
        await page.GetByLabel("E-postadresse", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(LoginPage());
        await Expect(page).Not.ToHaveURLAsync(Callback());
    }

    [GeneratedRegex("/konto/logg-inn")]
    public static partial Regex LoginPage();

    [GeneratedRegex("/signin-oidc|/connect/")]
    private static partial Regex Callback();
}
