using System.Runtime.CompilerServices;

namespace Dyad.Cli.Commands;

/// <summary>Work on many inputs in parallel whose results are handed on in input order, as soon as each is its turn.</summary>
internal static class InOrder
{
    /// <summary>
    /// Runs <paramref name="work"/> on the inputs, at most <paramref name="parallelism"/> at once, and yields each result in
    /// input order once it and every earlier one are done. At most twice <paramref name="parallelism"/> inputs are taken
    /// ahead of the one yielded next, so the results held at once are bounded however many inputs there are.
    /// </summary>
    public static async IAsyncEnumerable<TOut> SelectAsync<TIn, TOut>(IReadOnlyList<TIn> inputs, Func<TIn, CancellationToken, ValueTask<TOut>> work, int parallelism,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(parallelism);
        var pending = new Queue<Task<TOut>>();
        int next = 0;
        try
        {
            while (next < inputs.Count || pending.Count > 0)
            {
                while (next < inputs.Count && pending.Count < parallelism * 2)
                {
                    var input = inputs[next++];
                    // The slot is asked for here, in input order (the semaphore grants waiters first come, first
                    // served), not inside the task: tasks start in any order, and a later input that took the slots
                    // first would make the next result wait on work the caller has not yet asked to finish.
                    var slot = slots.WaitAsync(stop.Token);
                    pending.Enqueue(Task.Run(async () =>
                    {
                        await slot.ConfigureAwait(false);
                        try
                        {
                            return await work(input, stop.Token).ConfigureAwait(false);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, stop.Token));
                }
                yield return await pending.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // Stopped early (an error, the caller gone): the work taken ahead is cancelled and waited for, not left running.
            await stop.CancelAsync().ConfigureAwait(false);
            // Their outcomes no longer matter: whatever stopped the loop is what the caller sees.
            await ((Task)Task.WhenAll(pending)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
