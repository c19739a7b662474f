using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Samordning.Host.Auth;
using Samordning.Host.DevIdentity;
using Samordning.Host.Web;

namespace Samordning.Host.Pages.Konto;

// The development identity provider's sign-in page. It signs the person in at the identity provider only;
// the application session starts when the OpenID Connect handler receives the code.
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.PublicPolicy)]
internal sealed class LoggInnModel(IOptions<DevelopmentIdentityOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Failed { get; private set; }

    public IReadOnlyList<DemoAccount> Accounts => options.Value.Accounts;

    public string DemoPassword => options.Value.Password;

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var account = Accounts.FirstOrDefault(a => string.Equals(a.Email, Email?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (account is null || !PasswordMatches(Password))
        {
            Failed = true;
            Password = null;
            return Page();
        }

        var identity = new ClaimsIdentity(DevelopmentIdentityProvider.CookieScheme);
        identity.AddClaim(new Claim("sub", account.Subject));
        identity.AddClaim(new Claim("name", account.Name));
        await HttpContext.SignInAsync(DevelopmentIdentityProvider.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(AccountEndpoints.LocalOrHome(ReturnUrl));
    }

    private bool PasswordMatches(string? password) =>
        !string.IsNullOrEmpty(DemoPassword)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password ?? ""), Encoding.UTF8.GetBytes(DemoPassword));
}
