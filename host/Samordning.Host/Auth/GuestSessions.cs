using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Samordning.Host.Web;
using Samordning.Shared.Security;

namespace Samordning.Host.Auth;

// Guest sessions: someone without a registry account who redeemed a guest link. They ride a cookie of their own
// (scheme GuestClaims.Scheme), read only when the request has no signed-in person, so a guest never shadows a
// person and a person's policies never see a guest. The principal has no registry id: the default policy admits it
// only where an endpoint, page or hub says [AllowGuests], and the use case there checks the scope.
internal static class GuestSessions
{
    public const string CookieName = "samordning-gjest";

    // Where a guest whose link was revoked or expired mid-session is sent (a page in their language).
    public const string EndedPath = "/gjest/avsluttet";

    public static IServiceCollection AddGuestSessions(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(GuestClaims.Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // The link's expiry is the ticket's (set at sign-in); this is only the ceiling.
            options.ExpireTimeSpan = TimeSpan.FromDays(31);
            options.SlidingExpiration = false;
            options.AccessDeniedPath = "/ingen-tilgang";
            options.LoginPath = EndedPath;
            options.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddSingleton<GuestConnections>();
        services.AddSingleton<IGuestSessionEnder>(sp => sp.GetRequiredService<GuestConnections>());
        return services;
    }

    // After authentication: a request without a signed-in person but with a guest cookie becomes the guest's. A
    // cookie whose link ended is dropped; a page is then told so, an API or hub call is simply anonymous (401).
    public static IApplicationBuilder UseGuestSessions(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated != true && context.Request.Cookies.ContainsKey(CookieName))
        {
            var result = await context.AuthenticateAsync(GuestClaims.Scheme);
            if (result.Succeeded && result.Principal.IsGuest())
            {
                context.User = result.Principal;
            }
            else if (!RequestKinds.IsApi(context.Request) && !context.Request.Path.StartsWithSegments("/gjest", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Cookies.Delete(CookieName);
                context.Response.Redirect(EndedPath);
                return;
            }
        }

        await next(context);
    });

    // True when the guest may pass the default policy here: the endpoint, page or hub admits guests.
    public static bool AdmitsGuests(AuthorizationHandlerContext context) =>
        context.User.IsGuest() && context.Resource switch
        {
            HttpContext http => http.GetEndpoint()?.Metadata.GetMetadata<AllowGuestsAttribute>() is not null,
            HubInvocationContext invocation => invocation.Hub.GetType().IsDefined(typeof(AllowGuestsAttribute), inherit: false),
            _ => false,
        };

    // At every request: the link must still hold (neither revoked nor expired), as the module that issued it says.
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var scope = principal?.FindFirst(GuestClaims.Scope)?.Value;
        var checks = context.HttpContext.RequestServices.GetServices<IGuestSessionCheck>();
        var check = scope is null ? null : checks.FirstOrDefault(c => c.Handles(scope));
        if (check is null || principal!.GuestLinkId() is not { } linkId || !await check.IsActiveAsync(linkId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(GuestClaims.Scheme);
        }
    }
}

// The live connections of guest sessions on this node, by link, so revoking a link closes them at once. Another
// node's connections close when they next ask anything (a join, a catch-up), and cannot reconnect.
internal sealed class GuestConnections : IGuestSessionEnder
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> byLink = new();

    public void Add(HubCallerContext connection)
    {
        if (connection.User?.GuestLinkId() is { } linkId)
        {
            byLink.GetOrAdd(linkId, _ => new())[connection.ConnectionId] = connection;
        }
    }

    public void Remove(HubCallerContext connection)
    {
        if (connection.User?.GuestLinkId() is { } linkId && byLink.TryGetValue(linkId, out var connections))
        {
            connections.TryRemove(connection.ConnectionId, out _);
        }
    }

    public void End(Guid linkId)
    {
        if (byLink.TryRemove(linkId, out var connections))
        {
            foreach (var connection in connections.Values)
            {
                connection.Abort();
            }
        }
    }
}
