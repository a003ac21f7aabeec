using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Dyad.Ingest;
using Dyad.Ingest.Feeds;
using Dyad.Ingest.Html;

namespace Dyad.Fuzz;

/// <summary>
/// A self-contained mutation fuzzer for Dyad's readers. For one target (plain, markdown, html, pdf,
/// feed) it takes the seed files, mutates them (bit flips, byte runs, deletions, duplications,
/// splices, inserted format tokens, deep nesting) and feeds each input to the reader. An exception
/// is a crash; an input that takes longer than the hang limit is a hang. Both are saved with a
/// report under the output folder. Usage:
///   dotnet run -c Release --project fuzz/Dyad.Fuzz -- TARGET MINUTES [--seeds DIR]... [--out DIR] [--seed N] [--hang-seconds S]
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, (string Extension, string[] Tokens)> Targets = new()
    {
        ["plain"] = (".txt", ["\n\n", "¹", "[1]", "^2 ", "Notes\n\n", "1. ", "https://x.example/a", "\"Title\", Outlet, March 3, 2023.", "\u0000", "\uFEFF", "\r\n", "By "]),
        ["markdown"] = (".md", ["[^1]", "[^1]: ", "> ", "- ", "* ", "```", "---\n", "# ", "<div>", "](", "[", "**", "\n\n", "|", "    "]),
        ["html"] = (".html", ["<div>", "</div>", "<p>", "<sup><a href=\"#fn1\">1</a></sup>", "<ol class=\"footnotes\"><li id=\"fn1\">", "<script type=\"application/ld+json\">{", "<!--", "<table><tr><td>", "<b><i><a>", "</", "&amp;", "<![CDATA[", "<svg>", "<template>", "<article>", "<h2>Notes</h2>"]),
        ["pdf"] = (".pdf", ["obj", "endobj", "stream\n", "endstream", "<<", ">>", "[", "]", "/FlateDecode", "/Length 99999", "xref", "trailer", "BT", "ET", "Tj", "Tf", "(", ")", "0 0 R"]),
        ["feed"] = (".xml", ["<item>", "</item>", "<entry>", "<![CDATA[", "<content:encoded>", "&amp;", "&#x0;", "<!DOCTYPE x [<!ENTITY a \"aa\">]>", "<pubDate>", "<link>http://", "<", ">", "\"", "xmlns=\"http://www.w3.org/2005/Atom\""]),
    };

    public static int Main(string[] args)
    {
        if (args.Length < 2 || !Targets.ContainsKey(args[0]) || !double.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out double minutes))
        {
            Console.Error.WriteLine("usage: Dyad.Fuzz plain|markdown|html|pdf|feed MINUTES [--seeds DIR]... [--out DIR] [--seed N] [--hang-seconds S]");
            return 2;
        }
        string target = args[0];
        var seedDirs = new List<string>();
        string output = Path.Combine("fuzz", "out", target);
        int seed = 1;
        double hangSeconds = 10;
        for (int i = 2; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--seeds": seedDirs.Add(args[i + 1]); break;
                case "--out": output = args[i + 1]; break;
                case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--hang-seconds": hangSeconds = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
            }
        }
        var (extension, tokens) = Targets[target];
        var seeds = seedDirs.SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".expected", StringComparison.Ordinal))
            .Select(File.ReadAllBytes).Where(b => b.Length <= 2_000_000).ToList();
        if (seeds.Count == 0) seeds.Add(Encoding.UTF8.GetBytes("The ministers met in Muscat on Sunday.¹\n\n¹ \"Talks\", Gulf Ledger, May 1, 2023."));
        Directory.CreateDirectory(output);

        var random = new Random(seed);
        var budget = Stopwatch.StartNew();
        long runs = 0, crashes = 0, slowest = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (budget.Elapsed.TotalMinutes < minutes)
        {
            byte[] input = Mutate(seeds[random.Next(seeds.Count)], seeds, tokens, random);
            var timer = Stopwatch.StartNew();
            var run = Task.Run(() => Execute(target, extension, input));
            if (!run.Wait(TimeSpan.FromSeconds(hangSeconds)))
            {
                Save(output, "hang", input, $"no result after {hangSeconds} s");
                Console.WriteLine($"HANG after {runs} runs; input saved; stopping (a hung reader cannot be interrupted)");
                return 1;
            }
            if (timer.ElapsedMilliseconds > slowest && timer.ElapsedMilliseconds >= hangSeconds * 1000 / 10)
            {
                // the slowest input so far, once it takes a tenth of the hang limit: a hang in the making
                Save(output, "slow", input, $"{timer.ElapsedMilliseconds} ms");
            }
            slowest = Math.Max(slowest, timer.ElapsedMilliseconds);
            runs++;
            if (run.Result is { } failure)
            {
                string signature = failure.GetType().FullName + " " + failure.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
                if (seen.Add(signature))
                {
                    crashes++;
                    Save(output, "crash", input, failure.ToString());
                    Console.WriteLine($"CRASH {failure.GetType().Name}: {failure.Message}");
                }
            }
            else if (input.Length < 200_000 && random.Next(50) == 0)
            {
                // Inputs that read cleanly join the pool now and then, so mutations compound.
                seeds.Add(input);
                if (seeds.Count > 400) seeds.RemoveAt(random.Next(seeds.Count));
            }
            if (runs % 2000 == 0) Console.WriteLine($"{budget.Elapsed:mm\\:ss} {runs} runs, {crashes} distinct crashes, slowest {slowest} ms");
        }
        Console.WriteLine($"done: target {target}, {runs} runs in {budget.Elapsed.TotalMinutes:0.0} min, {crashes} distinct crashes, 0 hangs, slowest input {slowest} ms");
        return crashes == 0 ? 0 : 1;
    }

    /// <summary>Runs one input; returns the exception it raised, or null.</summary>
    private static Exception? Execute(string target, string extension, byte[] input)
    {
        try
        {
            if (target == "feed")
            {
                var decoded = TextDecoder.Decode(input);
                if (decoded.Text is null) return null;
                var feed = FeedReader.Parse(decoded.Text);
                foreach (var item in feed.Items)
                {
                    string? html = item.Content ?? item.Summary;
                    if (html is not null) HtmlReader.Read("item", "<html><body>" + html + "</body></html>");
                }
                return null;
            }
            var result = DocumentLoader.Default.Read("input" + extension, input);
            if (result.Document is null && string.IsNullOrEmpty(result.Error)) return new InvalidOperationException("a failure without a reason");
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static byte[] Mutate(byte[] seed, List<byte[]> pool, string[] tokens, Random random)
    {
        var data = new List<byte>(seed);
        int steps = 1 + random.Next(6);
        for (int s = 0; s < steps; s++)
        {
            int at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(9))
            {
                case 0 when data.Count > 0: // flip a bit
                    int i = random.Next(data.Count);
                    data[i] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // random bytes
                    var bytes = new byte[1 + random.Next(16)];
                    random.NextBytes(bytes);
                    data.InsertRange(at, bytes);
                    break;
                case 2 when data.Count > 0: // delete a range
                    int start = random.Next(data.Count);
                    data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(256)));
                    break;
                case 3 when data.Count > 0: // duplicate a range
                    int from = random.Next(data.Count);
                    int length = Math.Min(data.Count - from, 1 + random.Next(512));
                    data.InsertRange(at, data.GetRange(from, length));
                    break;
                case 4: // splice in part of another seed
                    var other = pool[random.Next(pool.Count)];
                    if (other.Length == 0) break;
                    int o = random.Next(other.Length);
                    data.InsertRange(at, other.AsSpan(o, Math.Min(other.Length - o, 1 + random.Next(1024))).ToArray());
                    break;
                case 5 or 6: // a token of the format
                    data.InsertRange(at, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]));
                    break;
                case 7: // deep nesting
                    string token = tokens[random.Next(tokens.Length)];
                    int times = 100 + random.Next(5000);
                    data.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(token, times))));
                    break;
                case 8 when data.Count > 1: // truncate
                    int keep = random.Next(data.Count);
                    data.RemoveRange(keep, data.Count - keep);
                    break;
            }
        }
        if (data.Count > 4_000_000) data.RemoveRange(4_000_000, data.Count - 4_000_000);
        return [.. data];
    }

    private static void Save(string folder, string kind, byte[] input, string report)
    {
        string name = $"{kind}-{Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant()}";
        File.WriteAllBytes(Path.Combine(folder, name + ".bin"), input);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), report);
    }
}
