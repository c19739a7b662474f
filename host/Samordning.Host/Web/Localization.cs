using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using Samordning.Host.Auth;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Security;
using Samordning.Shared.Text;

namespace Samordning.Host.Web;

internal static class Localization
{
    public static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    public static readonly CultureInfo Nynorsk = CultureInfo.GetCultureInfo("nn-NO");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    // Bokmål unless the person chose Nynorsk or English (a cookie, else their registry preference once signed in)
    // or asks for it in the query; the browser's language is not consulted, because the service's language is
    // Norwegian first.
    public static IServiceCollection AddSamordningLocalization(this IServiceCollection services) =>
        services.AddSamordningBindingMessages().Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Norwegian);
            options.SupportedCultures = [Norwegian, Nynorsk, English];
            // Neutral "en" and "nn" too, so ?culture=en and ?ui-culture=nn (and en-US, through the parent culture) give
            // that language's texts; without them the exact-match lookup fails and the request silently falls back to Bokmål.
            options.SupportedUICultures = [Norwegian, Nynorsk, English, CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("nn")];
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });

    // The language switch: a form post (works without JavaScript) that sets the cookie and returns. A signed-in
    // person's choice is also their registry preference, so e-mails follow it and a new browser starts in it.
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/sprak", async (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            {
                var chosen = CultureOf(culture);
                Remember(http, chosen);
                if (http.User.PersonId() is { } personId)
                {
                    await http.RequestServices.GetRequiredService<IPersonLanguage>()
                        .SetPreferredLanguageAsync(personId, Localized.LanguageOf(chosen), http.RequestAborted);
                    RegistryClaimsTransformation.Forget(http);
                }

                return Results.LocalRedirect(AccountEndpoints.LocalOrHome(returnUrl));
            })
            .AllowAnonymous()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

    // After sign-in: a browser without a language cookie (or query) starts in the person's registry preference, and
    // remembers it. Runs after authentication, so the registry's claims are there; it sets this request's cultures too.
    public static IApplicationBuilder UsePreferredLanguage(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!http.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName)
                && !http.Request.Query.ContainsKey("culture") && !http.Request.Query.ContainsKey("ui-culture")
                && http.User.FindFirst(SamordningClaims.Language)?.Value is { } language)
            {
                var chosen = CultureOf(language);
                Remember(http, chosen);
                CultureInfo.CurrentCulture = chosen;
                CultureInfo.CurrentUICulture = chosen;
            }

            await next(http);
        });

    private static CultureInfo CultureOf(string? language) => language switch
    {
        "en" => English,
        "nn" => Nynorsk,
        _ => Norwegian,
    };

    private static void Remember(HttpContext http, CultureInfo chosen) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
}
