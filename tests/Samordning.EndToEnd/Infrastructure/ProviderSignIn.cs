using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Samordning.EndToEnd.Infrastructure;

internal static partial class ProviderSignIn
{
    // Opens a page of the app, follows the redirect to the independent provider, signs in on its (development)
    // sign-in page, grants the app access on its consent page, and waits until the browser is back at the app.
    public static async Task SignInAtProviderAsync(this IPage page, Uri app, string path, string login)
    {
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(Interaction());
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("any password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.GetLeftPart(UriPartial.Authority)) + "/(?!signin-oidc)"));
    }

    // The provider's sign-in and consent pages.
    [GeneratedRegex("/interaction/")]
    public static partial Regex Interaction();
}
