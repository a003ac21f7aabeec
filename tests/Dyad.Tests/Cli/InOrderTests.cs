using Dyad.Cli.Commands;

namespace Dyad.Tests.Cli;

/// <summary>Issue 18, item 12: extract's parallel work hands results on in input order, each as soon as it is its turn, with a bounded window.</summary>
public sealed class InOrderTests
{
    [Fact]
    public async Task Issue18_results_come_in_input_order_as_soon_as_each_is_its_turn()
    {
        const int inputs = 10;
        var gates = Enumerable.Range(0, inputs).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        int started = 0;
        async ValueTask<int> Work(int i, CancellationToken token)
        {
            Interlocked.Increment(ref started);
            await gates[i].Task.WaitAsync(token);
            return i * 10;
        }

        await using var results = InOrder.SelectAsync([.. Enumerable.Range(0, inputs)], Work, parallelism: 2).GetAsyncEnumerator();
        // The first input is done while every other one waits: its result comes at once.
        gates[0].SetResult();
        Assert.True(await results.MoveNextAsync());
        Assert.Equal(0, results.Current);
        // No more than twice the parallelism was taken ahead.
        Assert.InRange(Volatile.Read(ref started), 1, 4);
        // The rest finish last first; they still come in input order.
        for (int i = inputs - 1; i >= 1; i--) gates[i].SetResult();
        var rest = new List<int>();
        while (await results.MoveNextAsync()) rest.Add(results.Current);
        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80, 90], rest);
        Assert.Equal(inputs, started);
    }

    [Fact]
    public async Task Issue18_an_error_in_one_input_stops_the_work_and_reaches_the_caller()
    {
        async ValueTask<int> Work(int i, CancellationToken token)
        {
            if (i == 3) throw new InvalidDataException("input 3 is broken");
            await Task.Yield();
            return i;
        }
        var seen = new List<int>();
        var ex = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var r in InOrder.SelectAsync([.. Enumerable.Range(0, 8)], Work, parallelism: 2)) seen.Add(r);
        });
        Assert.Equal("input 3 is broken", ex.Message);
        Assert.Equal([0, 1, 2], seen);
    }
}
