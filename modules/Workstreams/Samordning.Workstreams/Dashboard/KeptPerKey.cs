using System.Collections.Concurrent;

namespace Samordning.Workstreams.Dashboard;

// Answers made once per key and shared, also with the requests that ask while one is being made (single flight), so
// a burst of the same request after a save costs one query. A making that fails or is cancelled (its request went
// away) is not kept: whoever waited for it makes the answer itself. At most `limit` keys are kept, since callers
// choose the keys (a filter each); past that every request makes its own answer, as if nothing were kept.
internal sealed class KeptPerKey<TKey, TValue>(int limit)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Task<TValue>> answers = new();

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> make, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (answers.TryGetValue(key, out var current))
            {
                try
                {
                    return await current.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    answers.TryRemove(new KeyValuePair<TKey, Task<TValue>>(key, current));
                    continue;
                }
            }

            if (answers.Count >= limit)
            {
                return await make();
            }

            var making = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!answers.TryAdd(key, making.Task))
            {
                continue;
            }

            try
            {
                var answer = await make();
                making.SetResult(answer);
                return answer;
            }
            catch
            {
                // Cancelled rather than faulted: the waiters make their own, and no exception goes unobserved.
                answers.TryRemove(new KeyValuePair<TKey, Task<TValue>>(key, making.Task));
                making.SetCanceled(CancellationToken.None);
                throw;
            }
        }
    }
}
