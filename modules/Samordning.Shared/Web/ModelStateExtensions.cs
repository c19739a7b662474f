using Microsoft.AspNetCore.Mvc.ModelBinding;
using Samordning.Shared.Validation;

namespace Samordning.Shared.Web;

/// <summary>Puts a use case's field errors into a page's model state, beside the fields they belong to.</summary>
public static class ModelStateExtensions
{
    /// <summary>
    /// Replaces what the form posted with the use case's field errors, so the form shows the saved values, but keeps
    /// model binding's own errors (a value that could not be read, such as "Bogus" for a status): the use case only
    /// saw the field as empty, and the person should see what was wrong with what they sent.
    /// </summary>
    public static void ReplaceWithFieldErrors(this ModelStateDictionary modelState, FieldErrors errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        var unreadable = modelState
            .Where(e => e.Value is { ValidationState: ModelValidationState.Invalid, Errors.Count: > 0 })
            .Select(e => (e.Key, e.Value!.RawValue, e.Value.AttemptedValue, Messages: e.Value.Errors.Select(x => x.ErrorMessage).ToList()))
            .ToList();
        modelState.Clear();
        foreach (var (key, raw, attempted, messages) in unreadable)
        {
            modelState.SetModelValue(key, raw, attempted);
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }

        foreach (var (field, messages) in errors.ToDictionary())
        {
            if (unreadable.Any(u => u.Key == $"{prefix}.{field}"))
            {
                continue;
            }

            foreach (var message in messages)
            {
                modelState.AddModelError($"{prefix}.{field}", message);
            }
        }
    }

    /// <summary>Adds each field error under <c>{prefix}.{field}</c>, the name the form's field binds to.</summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, FieldErrors errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                modelState.AddModelError($"{prefix}.{field}", message);
            }
        }
    }
}
