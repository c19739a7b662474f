using Microsoft.AspNetCore.WebUtilities;
using Samordning.Shared.Text;

namespace Samordning.Host.Web;

internal static class ErrorHandling
{
    public static IServiceCollection AddSamordningProblemDetails(this IServiceCollection services)
    {
        // A request the API cannot bind throws in every environment (by default only in Development), so that
        // BadRequestExceptionHandler can name the field instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<BusyStoreExceptionHandler>();
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Never a stack trace: a title in the person's language and a trace id to quote to support.
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.ProblemDetails.Title is null || IsFrameworkTitle(context.ProblemDetails.Title, status) || context.Exception is not null)
            {
                context.ProblemDetails.Title = TitleFor(status);
            }

            context.ProblemDetails.Detail = context.Exception is null ? context.ProblemDetails.Detail : null;
            context.ProblemDetails.Extensions["traceId"] = Observability.TraceReference.Of(context.HttpContext);
        });
    }

    // ASP.NET Core's own English titles: the reason phrase, or the title its ProblemDetails defaults give the status,
    // which differ for some (413 is "Payload Too Large" as a reason phrase, "Content Too Large" as a title).
    private static bool IsFrameworkTitle(string title, int status) =>
        title == ReasonPhrases.GetReasonPhrase(status) || title == TypedResults.Problem(statusCode: status).ProblemDetails.Title;

    // The API gets ProblemDetails for every error and status; people get a readable error page.
    public static IApplicationBuilder UseSamordningErrors(this WebApplication app)
    {
        app.UseWhen(context => RequestKinds.WantsProblemDetails(context.Request), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = StatusFor,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !RequestKinds.WantsProblemDetails(context.Request), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/feil",

                // A rejected request (e.g. a failed anti-forgery check) is the client's error, not ours: its status,
                // and BadRequestExceptionHandler's Information entry instead of an unhandled-exception error.
                StatusCodeSelector = StatusFor,
                SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
            });
            pages.UseStatusCodePagesWithReExecute("/feil/{0}");
        });
        return app;
    }

    // A rejected request is the client's error. A busy store (BusyStoreExceptionHandler adds Retry-After) and an
    // identity provider that does not answer are passing outages: 503 with a readable page that says so, not our 500.
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        Auth.IdentityProviderUnavailableException => StatusCodes.Status503ServiceUnavailable,
        _ when BusyStores.IsBusy(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string IdentityProviderUnavailable => Localized.T(
        "Innloggingstjenesten svarer ikke akkurat nå, så du kan ikke logge inn. Prøv igjen om noen minutter.",
        "The sign-in service is not answering right now, so you cannot sign in. Try again in a few minutes.");

    public static string TitleFor(int? status) => status switch
    {
        400 => Localized.T("Forespørselen kunne ikke behandles.", "The request could not be processed."),
        401 => Localized.T("Du må logge inn.", "You need to sign in."),
        403 => Localized.T("Du har ikke tilgang til dette.", "You do not have access to this."),
        404 => Localized.T("Fant ikke siden eller ressursen.", "The page or resource was not found."),
        405 => Localized.T("Metoden er ikke tillatt her.", "The method is not allowed here."),
        409 => Localized.T("Noen andre har endret dette i mellomtiden.", "Someone else has changed this in the meantime."),
        413 => Localized.T("Innholdet er for stort.", "The content is too large."),
        415 => Localized.T("Innholdstypen støttes ikke.", "The content type is not supported."),
        429 => Localized.T("For mange forespørsler. Vent litt og prøv igjen.", "Too many requests. Wait a little and try again."),
        503 => Localized.T("Tjenesten er opptatt eller utilgjengelig akkurat nå. Prøv igjen om litt.", "The service is busy or unavailable right now. Try again in a little while."),
        _ => Localized.T("Noe gikk galt hos oss. Prøv igjen om litt.", "Something went wrong on our side. Try again in a little while."),
    };
}
