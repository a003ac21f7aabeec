using Dyad.Coding;
using Dyad.Coding.Evaluation;
using Dyad.Documents;

namespace Dyad.Bench;

/// <summary>
/// Event coding throughput (what `dyad extract` does after reading): the annotated event set's sentences,
/// grouped into documents of about 20 sentences. Cold: loading the pipeline (model, dictionaries, lexicon) and
/// the first pass, with its JIT compilation — a fresh process only when this benchmark runs alone. Steady: the
/// same documents coded over and over.
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
        var load = System.Diagnostics.Stopwatch.StartNew();
        var coder = DyadPipeline.Default;
        load.Stop();
        var first = System.Diagnostics.Stopwatch.StartNew();
        int events = coder.CodeEvents(documents[0]).Length;
        first.Stop();
        var pass = System.Diagnostics.Stopwatch.StartNew();
        foreach (var d in documents.Skip(1)) coder.CodeEvents(d);
        pass.Stop();
        output.WriteLine($"cold: pipeline load {load.Elapsed.TotalMilliseconds:N0} ms; first document ({documents[0].Sentences.Length} sentences) "
            + $"{first.Elapsed.TotalMilliseconds:N0} ms; the other {documents.Length - 1} documents {(sentences - documents[0].Sentences.Length) / pass.Elapsed.TotalSeconds:N0} sentences/s");
        var (runs, elapsed) = Benchmarks.Measure(() => events = documents.Sum(d => coder.CodeEvents(d).Length), TimeSpan.FromSeconds(3));
        output.WriteLine($"steady state, single thread: {runs} runs over {documents.Length} documents, {sentences} sentences, {events} events: {sentences * runs / elapsed.TotalSeconds:N0} sentences/s");
        var (pruns, pelapsed) = Benchmarks.Measure(() => Parallel.ForEach(documents, d => coder.CodeEvents(d)), TimeSpan.FromSeconds(3));
        output.WriteLine($"steady state, parallel ({Environment.ProcessorCount} cores): {sentences * pruns / pelapsed.TotalSeconds:N0} sentences/s");
    }
}
