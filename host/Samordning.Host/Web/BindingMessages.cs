using Microsoft.AspNetCore.Mvc;
using Samordning.Shared.Text;

namespace Samordning.Host.Web;

// The messages model binding puts beside a form's field when it cannot read what was sent ("Bogus" for a status,
// "abc" for a number). ASP.NET Core writes them in English; these are in the person's language, chosen when the
// message is made, that is, in the request's culture.
internal static class BindingMessages
{
    public static IServiceCollection AddSamordningBindingMessages(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options =>
        {
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) =>
                Localized.T($"Verdien «{value}» er ikke gyldig for {field}.", $"The value '{value}' is not valid for {field}."));
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value =>
                Localized.T($"Verdien «{value}» er ikke gyldig.", $"The value '{value}' is not valid."));
            messages.SetUnknownValueIsInvalidAccessor(field =>
                Localized.T($"Verdien er ikke gyldig for {field}.", $"The value is not valid for {field}."));
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() =>
                Localized.T("Verdien er ikke gyldig.", "The value is not valid."));
            messages.SetValueIsInvalidAccessor(value =>
                Localized.T($"Verdien «{value}» er ugyldig.", $"The value '{value}' is invalid."));
            messages.SetValueMustBeANumberAccessor(field =>
                Localized.T($"{field} må være et tall.", $"{field} must be a number."));
            messages.SetNonPropertyValueMustBeANumberAccessor(() =>
                Localized.T("Verdien må være et tall.", "The value must be a number."));
            messages.SetMissingBindRequiredValueAccessor(field =>
                Localized.T($"{field} mangler.", $"A value for {field} was not provided."));
            messages.SetMissingKeyOrValueAccessor(() =>
                Localized.T("En verdi må fylles ut.", "A value is required."));
            messages.SetMissingRequestBodyRequiredValueAccessor(() =>
                Localized.T("Forespørselen mangler innhold.", "A non-empty request body is required."));
            messages.SetValueMustNotBeNullAccessor(value =>
                Localized.T($"Verdien «{value}» er ikke gyldig.", $"The value '{value}' is invalid."));
        });
}
