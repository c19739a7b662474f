using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using Samordning.Host.Auth;

namespace Samordning.Host.Web;

internal static class Localization
{
    public static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    // Bokmål unless the person chose English (a cookie) or asks for it in the query; the browser's language
    // is not consulted, because the service's language is Norwegian first.
    public static IServiceCollection AddSamordningLocalization(this IServiceCollection services) =>
        services.AddSamordningBindingMessages().Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Norwegian);
            options.SupportedCultures = [Norwegian, English];
            // Neutral "en" too, so ?culture=en and ?ui-culture=en (and en-US, through the parent culture) give English
            // texts; without it the exact-match lookup fails and the request silently falls back to Bokmål.
            options.SupportedUICultures = [Norwegian, English, CultureInfo.GetCultureInfo("en")];
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });

    // The language switch: a form post (works without JavaScript) that sets the cookie and returns.
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/sprak", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            {
                var chosen = culture == "en" ? English : Norwegian;
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                return Results.LocalRedirect(AccountEndpoints.LocalOrHome(returnUrl));
            })
            .AllowAnonymous()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
}
