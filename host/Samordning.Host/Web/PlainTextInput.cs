using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Samordning.Shared.Text;

namespace Samordning.Host.Web;

// What text the app accepts is decided once (PlainText) and applied where requests are read, so no endpoint or page
// can forget it: JSON bodies through the converter in the API's JSON options, form posts (Razor Pages, the public
// input page, multipart uploads, minimal API [FromForm] and ReadFormAsync alike) through this form feature, which
// hands every reader of the form the normalised values.
internal static class PlainTextInput
{
    public static IServiceCollection AddPlainTextInput(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new PlainTextJsonConverter()));

        // MVC's [RequestFormLimits] puts a fresh form feature in place while authorizing a page (the public input
        // page has one); this filter, which runs after authorization and before binding, wraps that one again.
        services.Configure<MvcOptions>(options => options.Filters.Add(new NormalizeFormFilter()));
        return services;
    }

    // After routing, which puts in place the form feature an endpoint's form options ask for; wrapping it earlier
    // would hide it from routing and lose those limits.
    public static IApplicationBuilder UsePlainTextForms(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            NormalizeForm(context);
            return next(context);
        });

    private static void NormalizeForm(HttpContext context)
    {
        var inner = context.Features.Get<IFormFeature>()
            ?? new FormFeature(context.Request, context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value);
        if (inner is not NormalizingFormFeature)
        {
            context.Features.Set<IFormFeature>(new NormalizingFormFeature(inner));
        }
    }

    private sealed class NormalizeFormFilter : IAsyncResourceFilter
    {
        public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            NormalizeForm(context.HttpContext);
            return next();
        }
    }

    private sealed class NormalizingFormFeature(IFormFeature inner) : IFormFeature
    {
        private IFormCollection? normalized;
        private IFormCollection? source;

        public bool HasFormContentType => inner.HasFormContentType;

        public IFormCollection? Form
        {
            get => inner.Form is { } form ? Normalized(form) : null;
            set => inner.Form = value;
        }

        public IFormCollection ReadForm() => Normalized(inner.ReadForm());

        public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken) =>
            Normalized(await inner.ReadFormAsync(cancellationToken));

        // The inner feature reads the body once; the normalised copy is made once per form it returns.
        private IFormCollection Normalized(IFormCollection form)
        {
            if (!ReferenceEquals(form, source))
            {
                source = form;
                normalized = new FormCollection(
                    form.ToDictionary(field => field.Key, field => Normalize(field.Value), StringComparer.OrdinalIgnoreCase),
                    form.Files);
            }

            return normalized!;
        }

        private static StringValues Normalize(StringValues values) => values.Count switch
        {
            0 => values,
            1 => PlainText.Safe(values[0]),
            _ => new StringValues([.. values.Select(PlainText.Safe)]),
        };
    }
}
