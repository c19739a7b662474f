using Microsoft.AspNetCore.Mvc.ModelBinding;
using Samordning.Shared.Validation;

namespace Samordning.Shared.Web;

/// <summary>Puts a use case's field errors into a page's model state, beside the fields they belong to.</summary>
public static class ModelStateExtensions
{
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
