using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dyad.Ingest;

namespace Dyad.Bench;

/// <summary>
/// What `dyad extract` costs against document length: one plain-text document of 1, 4, 16 and 64 MB (the samples
/// repeated) read and coded whole, with its time, time per MB and the process's peak working set. The first 1 MB run
/// is cold (dictionaries loaded, code compiled on first use); the second is steady, and the larger sizes follow it.
/// Time per MB should stay flat: a rising one means a step superlinear in the document's length.
/// </summary>
internal sealed class ExtractSizeBenchmark : IBenchmark
{
    public string Name => "extract-size";

    public void Run(TextWriter output)
    {
        string sample = SampleText.Load(1_000_000);
        var sizes = Environment.GetEnvironmentVariable("DYAD_BENCH_SIZES") is { Length: > 0 } list
            ? list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : [1, 1, 4, 16, 64];
        for (int run = 0; run < sizes.Length; run++)
        {
            int mb = sizes[run];
            var text = new StringBuilder(mb * 1_000_000 + sample.Length);
            while (text.Length < mb * 1_000_000) text.Append(sample);
            byte[] bytes = Encoding.UTF8.GetBytes(text.ToString(0, mb * 1_000_000));
            text.Clear();
            var watch = Stopwatch.StartNew();
            var document = DocumentLoader.Default.Read($"synthetic-{mb}mb.txt", bytes).Document
                ?? throw new InvalidOperationException("the synthetic document was not read");
            int events = DyadPipeline.Default.Code(document, default).Count;
            double seconds = watch.Elapsed.TotalSeconds;
            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run == 0 ? "cold  " : "steady")} {mb,3} MB: {document.Sentences.Length:N0} sentences, {events:N0} events in {seconds:0.0} s ({seconds / mb:0.00} s/MB), peak working set {peak / 1_048_576.0:N0} MB"));
        }
    }
}
