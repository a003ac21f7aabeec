using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Dyad.Actors;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>
/// Actor dictionary load time (the embedded data, built from scratch) and recognition throughput
/// on news text: the annotated evaluation documents, repeated to about 4 MB, one document at a time.
/// </summary>
internal sealed class ActorsBenchmark : IBenchmark
{
    public string Name => "actors";

    public void Run(TextWriter output)
    {
        new ActorDictionaryBuilder().AddEmbedded().Build();
        var loads = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            new ActorDictionaryBuilder().AddEmbedded().Build();
            loads.Add(watch.Elapsed.TotalMilliseconds);
        }
        loads.Sort();
        output.WriteLine($"dictionary load (embedded data, fresh build): median {loads[2]:F0} ms, best {loads[0]:F0} ms");
        var assembly = typeof(ActorDictionary).Assembly;
        var resources = assembly.GetManifestResourceNames().Where(r => r.StartsWith("Dyad.data.actors/", StringComparison.Ordinal)).ToList();
        long bytes = resources.Sum(r => { using var s = assembly.GetManifestResourceStream(r)!; return s.Length; });
        output.WriteLine($"embedded actor data: {resources.Count} files, {bytes / 1024.0:F0} KB uncompressed; {ActorDictionary.Default.PersonCount} people, {ActorDictionary.Default.EntryNames} other names");

        var documents = ActorEvaluation.LoadEmbedded().Select(d => (d.Text, Sentences: SentenceSplitter.Split(d.Text), d.Date)).ToList();
        var recognizer = new ActorRecognizer(ActorDictionary.Default);
        long chars = 0;
        int mentions = 0;
        var batch = new List<(string Text, System.Collections.Immutable.ImmutableArray<Dyad.Documents.TextSpan> Sentences, DateOnly Date)>();
        while (chars < 4_000_000)
        {
            foreach (var d in documents)
            {
                batch.Add(d);
                chars += d.Text.Length;
            }
        }
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var (runs, elapsed) = Benchmarks.Measure(() =>
        {
            mentions = 0;
            foreach (var (text, sentences, date) in batch) mentions += recognizer.Recognize(text, sentences, _ => date).Length;
        }, TimeSpan.FromSeconds(3));
        process.Refresh();
        // The warm-up run is inside the CPU time too: count it.
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        double megabytes = chars * runs / 1_000_000.0;
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"recognition with parsing: {runs} runs over {chars:N0} chars in {batch.Count} documents ({mentions} mentions): {megabytes / elapsed.TotalSeconds:F2} MB/s wall clock, {chars * (runs + 1) / 1_000_000.0 / cpuSeconds:F2} MB per CPU second (UTF-8 text), single thread"));

        // The pipeline parses each sentence once for every stage: the actor stage's own cost is recognition from the parsed words.
        var parsed = documents.Select(d => (d.Text, Parsed: d.Sentences.Select(s => Dyad.Syntax.SyntaxAnnotator.Default.Parse(d.Text, s)).ToImmutableArray(), d.Date)).ToList();
        var parsedBatch = Enumerable.Range(0, batch.Count / documents.Count).SelectMany(_ => parsed).ToList();
        long parsedChars = parsedBatch.Sum(d => (long)d.Text.Length);
        cpuBefore = process.TotalProcessorTime;
        (runs, elapsed) = Benchmarks.Measure(() =>
        {
            mentions = 0;
            foreach (var (text, sentences, date) in parsedBatch) mentions += recognizer.Recognize(text, sentences, _ => date).Length;
        }, TimeSpan.FromSeconds(3));
        process.Refresh();
        cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"recognition from parsed sentences: {runs} runs over {parsedChars:N0} chars ({mentions} mentions): {parsedChars * runs / 1_000_000.0 / elapsed.TotalSeconds:F2} MB/s wall clock, {parsedChars * (runs + 1) / 1_000_000.0 / cpuSeconds:F2} MB per CPU second, single thread"));
    }
}
