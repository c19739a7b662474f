using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samordning.Shared.Observability;

// A span and a duration for every command a module's store executes, on every provider alike. EF Core emits no
// activity of its own, and its OpenTelemetry instrumentation is a prerelease; the ADO.NET drivers' own tracing
// would also trace Hangfire's storage polling. EF hands the command's start and duration to the "executed" and
// "failed" callbacks, so the span is written once the command is done and nothing is kept between callbacks.
// With nothing listening it costs two checks per command.
internal sealed class DatabaseCommandTelemetry(string store, SamordningMetrics metrics) : DbCommandInterceptor
{
    private static readonly ActivitySource Source = new(SamordningMetrics.DatabaseSourceName);

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Done(command, eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Done(command, eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Done(command, eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Done(command, eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Done(command, eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Done(command, eventData, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Record(command, eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) =>
        Record(command, eventData, new OperationCanceledException());

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, new OperationCanceledException());
        return Task.CompletedTask;
    }

    private T Done<T>(DbCommand command, CommandEndEventData eventData, T result)
    {
        Record(command, eventData, null);
        return result;
    }

    private void Record(DbCommand command, CommandEndEventData eventData, Exception? failure)
    {
        var timed = metrics.DatabaseDuration.Enabled;
        if (!timed && !Source.HasListeners())
        {
            return;
        }

        var system = SystemOf(eventData.Context);
        var operation = OperationOf(command.CommandText);
        var error = failure?.GetType().Name;
        if (timed)
        {
            metrics.DatabaseDuration.Record(
                eventData.Duration.TotalSeconds,
                new("db.system.name", system),
                new("db.namespace", store),
                new("db.operation.name", operation),
                new("error.type", error));
        }

        // Started and ended after the fact, under whatever activity ran the command (a request, a sweep).
        using var activity = Source.StartActivity($"{operation} {store}", ActivityKind.Client, default(ActivityContext), startTime: eventData.StartTime);
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("db.system.name", system);
            activity.SetTag("db.namespace", store);
            activity.SetTag("db.operation.name", operation);
            // EF sends values as parameters: the text holds the statement's shape, not people's data.
            activity.SetTag("db.query.text", command.CommandText);
            if (failure is not null)
            {
                activity.SetTag("error.type", error);
                activity.SetStatus(ActivityStatusCode.Error, failure.Message);
            }
        }

        activity.SetEndTime((eventData.StartTime + eventData.Duration).UtcDateTime);
    }

    // The names OpenTelemetry's database conventions give the providers.
    private static string SystemOf(DbContext? context) => context?.Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "sqlite",
        "Microsoft.EntityFrameworkCore.SqlServer" => "microsoft.sql_server",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "postgresql",
        _ => "other_sql",
    };

    // The statement's first keyword, from a short fixed list: a tag with few values, whatever the SQL says.
    private static string OperationOf(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = span.IndexOfAny(' ', '\n', '\r');
        var keyword = end < 0 ? span : span[..end];
        foreach (var known in Operations)
        {
            if (keyword.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return "OTHER";
    }

    private static readonly string[] Operations = ["SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "PRAGMA", "SET", "BEGIN", "COMMIT"];
}
