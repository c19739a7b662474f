using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Samordning.Shared.Validation;

namespace Samordning.Shared.Http;

/// <summary>What a use case's handler did. The API maps it to TypedResults; pages to field errors and redirects.</summary>
public enum OutcomeKind
{
    /// <summary>Done; <see cref="Outcome{T}.Value"/> holds the result.</summary>
    Ok,

    /// <summary>Input rejected; <see cref="Outcome{T}.Errors"/> names the fields. Nothing was saved.</summary>
    Invalid,

    /// <summary>Someone else saved first; <see cref="Outcome{T}.Value"/> holds the current state. Nothing was saved.</summary>
    Conflict,

    /// <summary>No such resource.</summary>
    NotFound,

    /// <summary>The person may not do this to this resource.</summary>
    Forbidden,
}

/// <summary>The result of a use case: a value, field errors, a conflict with the current state, not found or forbidden.</summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, FieldErrors? errors)
    {
        Kind = kind;
        Value = value;
        Errors = errors;
    }

    /// <summary>What happened.</summary>
    public OutcomeKind Kind { get; }

    /// <summary>The result, or the current state on a conflict.</summary>
    public T? Value { get; }

    /// <summary>The field errors when invalid.</summary>
    public FieldErrors? Errors { get; }

    internal static Outcome<T> Create(OutcomeKind kind, T? value, FieldErrors? errors) => new(kind, value, errors);

    /// <summary>The API response for an update: 200, 400, 403, 404 or 409.</summary>
    public Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToOk() => Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(Value),
        OutcomeKind.Invalid => Problems.Validation(Errors!),
        _ => ToProblem(),
    };

    /// <summary>The API response for a create: 201 with the location, 400, 403, 404 or 409.</summary>
    public Results<Created<T>, ValidationProblem, ProblemHttpResult> ToCreated(Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Kind switch
        {
            OutcomeKind.Ok => TypedResults.Created(location(Value!), Value),
            OutcomeKind.Invalid => Problems.Validation(Errors!),
            _ => ToProblem(),
        };
    }

    private ProblemHttpResult ToProblem() => Kind switch
    {
        OutcomeKind.Conflict => Problems.Conflict(Value!),
        OutcomeKind.NotFound => Problems.NotFound(),
        OutcomeKind.Forbidden => Problems.Forbidden(),
        _ => throw new InvalidOperationException($"{Kind} is not a failure."),
    };
}

/// <summary>Creates outcomes: <c>Outcome.Ok(value)</c>, <c>Outcome.Invalid&lt;T&gt;(errors)</c>, …</summary>
public static class Outcome
{
    /// <summary>Done.</summary>
    public static Outcome<T> Ok<T>(T value) => Outcome<T>.Create(OutcomeKind.Ok, value, null);

    /// <summary>Input rejected; nothing was saved.</summary>
    public static Outcome<T> Invalid<T>(FieldErrors errors) => Outcome<T>.Create(OutcomeKind.Invalid, default, errors);

    /// <summary>Someone else saved first; nothing was saved.</summary>
    public static Outcome<T> Conflict<T>(T current) => Outcome<T>.Create(OutcomeKind.Conflict, current, null);

    /// <summary>No such resource.</summary>
    public static Outcome<T> NotFound<T>() => Outcome<T>.Create(OutcomeKind.NotFound, default, null);

    /// <summary>Not allowed.</summary>
    public static Outcome<T> Forbidden<T>() => Outcome<T>.Create(OutcomeKind.Forbidden, default, null);
}
