using System.Diagnostics;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>
/// Syntax stage throughput on one thread: model load (cold, first in the process), then tokenise + tag +
/// lemmatise + parse over the bundled sample corpus (first pass cold, then steady state), and memory.
/// </summary>
internal sealed class SyntaxBenchmark : IBenchmark
{
    public string Name => "syntax";

    public void Run(TextWriter output)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        var annotator = new SyntaxAnnotator(SyntaxModel.Default);
        load.Stop();
        long model = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine($"model load: {load.Elapsed.TotalMilliseconds:N0} ms, {model / 1024.0 / 1024.0:N0} MB managed memory held");

        // about 400 KB: a pass takes seconds, not minutes
        string text = SampleText.Load(400_000);
        var sentences = SentenceSplitter.Split(text);
        int tokens = 0;
        var first = Stopwatch.StartNew();
        foreach (var s in sentences) tokens += annotator.Parse(text, s).Tokens.Length;
        first.Stop();
        output.WriteLine($"cold (first pass): {sentences.Length} sentences, {tokens:N0} tokens in {first.Elapsed.TotalMilliseconds:N0} ms: {tokens / first.Elapsed.TotalSeconds:N0} tokens/s");

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var (runs, elapsed) = Benchmarks.Measure(() => { foreach (var s in sentences) annotator.Parse(text, s); }, TimeSpan.FromSeconds(5));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        double perSecond = tokens * (double)runs / elapsed.TotalSeconds;
        output.WriteLine($"steady state, one thread: {runs} runs, {perSecond:N0} tokens/s, {sentences.Length * runs / elapsed.TotalSeconds:N0} sentences/s, {allocated / (double)(tokens * (runs + 1)):N0} bytes allocated per token");
        // Where the time goes: words only, words + tags, words + tags + lemmas, everything.
        var syntax = SyntaxModel.Default;
        var words = sentences.Select(s => WordTokenizer.Tokenize(text, s).Select(w => w.Slice(text)).ToArray()).ToArray();
        double Rate(Action<string[]> step)
        {
            var (n, t) = Benchmarks.Measure(() => { foreach (var w in words) step(w); }, TimeSpan.FromSeconds(2));
            return tokens * (double)n / t.TotalSeconds;
        }
        var (tn, tt) = Benchmarks.Measure(() => { foreach (var s in sentences) WordTokenizer.Tokenize(text, s); }, TimeSpan.FromSeconds(2));
        double tag = Rate(w => syntax.Tagger.Tag(w));
        double lemma = Rate(w => { var t = syntax.Tagger.Tag(w); for (int i = 0; i < w.Length; i++) syntax.Lemmatizer.Lemma(w[i], t[i]); });
        output.WriteLine($"stages, tokens/s: tokenise {tokens * (double)tn / tt.TotalSeconds:N0}; tag {tag:N0}; tag + lemmatise {lemma:N0}; all {perSecond:N0}");
        output.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
    }
}
