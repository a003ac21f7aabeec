using Dyad.Coding;
using Dyad.Coding.Evaluation;
using Dyad.Documents;

namespace Dyad.Bench;

/// <summary>
/// Event coding throughput (what `dyad extract` does after reading): the annotated event set's sentences,
/// grouped into documents of about 20 sentences, coded over and over. Start-up (loading dictionaries) is excluded.
/// </summary>
internal sealed class ExtractBenchmark : IBenchmark
{
    public string Name => "extract";

    public void Run(TextWriter output)
    {
        string folder = Path.Combine(SampleText.FindRoot(), "tests", "data", "events");
        var blocks = EventEvaluation.Load(folder);
        var documents = blocks.Chunk(20)
            .Select((chunk, i) => EventDocuments.FromText($"bench{i}", string.Join("\n\n", chunk.Select(b => b.Text)), chunk[0].DocumentDate))
            .ToArray();
        int sentences = documents.Sum(d => d.Sentences.Length);
        var coder = DyadPipeline.Default;
        int events = 0;
        var (runs, elapsed) = Benchmarks.Measure(() => events = documents.Sum(d => coder.CodeEvents(d).Length), TimeSpan.FromSeconds(3));
        output.WriteLine($"single thread: {runs} runs over {documents.Length} documents, {sentences} sentences, {events} events: {sentences * runs / elapsed.TotalSeconds:N0} sentences/s");
        var (pruns, pelapsed) = Benchmarks.Measure(() => Parallel.ForEach(documents, d => coder.CodeEvents(d)), TimeSpan.FromSeconds(3));
        output.WriteLine($"parallel ({Environment.ProcessorCount} cores): {sentences * pruns / pelapsed.TotalSeconds:N0} sentences/s");
    }
}
