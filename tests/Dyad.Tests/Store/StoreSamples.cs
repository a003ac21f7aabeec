using System.Collections.Immutable;
using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Store;

namespace Dyad.Tests.Store;

/// <summary>
/// Documents and hand-built events for storage tests: the seed brief (read from the shared folder at run time)
/// with the events an analyst codes from four of its sentences, and short news items.
/// </summary>
internal static class StoreSamples
{
    public const string CoderVersion = "test-1";

    public static Document Read(string name, string text) =>
        DocumentLoader.Default.Read(name, System.Text.Encoding.UTF8.GetBytes(text)).Document
        ?? throw new InvalidOperationException($"{name} did not read");

    public static DocumentToStore ToStore(Document document, string? path = null) =>
        new(document, path, DocumentToStore.Hash(System.Text.Encoding.UTF8.GetBytes(document.Text)));

    public static Document Seed() =>
        DocumentLoader.Default.ReadFile(TestPaths.SeedBrief).Document ?? throw new InvalidOperationException("the seed brief did not read");

    /// <summary>Four events of the seed brief, in the order they happened (the last has no date).</summary>
    public static IReadOnlyList<EventRow> SeedEvents(Document seed) =>
    [
        Event(seed, "seed#e1", "Shoigu in late July 2023", "042", "Make a visit", 1.9, 1, "CONSULT",
            ("Russia's Defence Minister Sergey Shoigu", "RUSMIL", "RUS"), ("Pyongyang", "PRKGOV", "PRK"),
            (new DateOnly(2023, 7, 21), new DateOnly(2023, 7, 31), "2023-07", "late July 2023", "month"), "asserted", ("Pyongyang", "PRK")),
        Event(seed, "seed#e2", "Vostochny Cosmodrome (a remote", "040", "Consult", 1.0, 1, "CONSULT",
            ("Kim", "PRKGOV", "PRK"), ("President Putin", "RUSGOV", "RUS"),
            (new DateOnly(2023, 9, 13), new DateOnly(2023, 9, 13), "2023-09-13", "September 13, 2023", "day"), "asserted", ("Vostochny Cosmodrome", "RUS")),
        Event(seed, "seed#e3", "arrived in the Primorye region", "043", "Host a visit", 2.8, 1, "CONSULT",
            ("Russia's Defence Minister Sergey Shoigu", "RUSMIL", "RUS"), ("Kim", "PRKGOV", "PRK"),
            (new DateOnly(2023, 9, 16), new DateOnly(2023, 9, 16), "2023-09-16", "September 16, 2023", "day"), "asserted", ("Primorye", "RUS")),
        Event(seed, "seed#e4", "by Foreign Minister Sergey Lavrov", "042", "Make a visit", 1.9, 1, "CONSULT",
            ("Foreign Minister Sergey Lavrov", "RUSGOV", "RUS"), ("North Korea", "PRK", "PRK"),
            (null, null, null, null, null), "intended", ("Pyongyang", "PRK")),
    ];

    public static EventRow Event(
        Document doc, string id, string evidence, string cameo, string label, double goldstein, int quad, string plover,
        (string Text, string Actor, string Country) source, (string Text, string Actor, string Country)? target,
        (DateOnly? Start, DateOnly? End, string? Value, string? Text, string? Precision) date, string modality, (string Text, string Country)? location)
    {
        int at = doc.Text.IndexOf(evidence, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"'{evidence}' is not in {doc.Name}");
        var sentence = doc.SentenceAt(at) ?? throw new InvalidOperationException($"'{evidence}' is in no sentence of {doc.Name}");
        var citations = sentence.Citations
            .Select(doc.FindCitation)
            .OfType<Citation>()
            .Select(c => new EventCitation(c.Marker, c.Outlet, c.Title, c.Date, c.Url))
            .ToImmutableArray();
        string text = sentence.Span.Slice(doc.Text);
        return new EventRow
        {
            Id = id,
            Doc = doc.Name,
            DateStart = date.Start, DateEnd = date.End, DateValue = date.Value, DateText = date.Text, DatePrecision = date.Precision,
            SourceText = source.Text, SourceActor = source.Actor, SourceCountry = source.Country,
            TargetText = target?.Text, TargetActor = target?.Actor, TargetCountry = target?.Country,
            Cameo = cameo, Root = cameo[..2], Label = label, Goldstein = goldstein, QuadClass = quad, Plover = plover,
            Modality = modality,
            LocationText = location?.Text, LocationCountry = location?.Country,
            EvidenceSentence = text, EvidenceStart = sentence.Span.Start, EvidenceEnd = sentence.Span.End,
            Citations = citations,
            Confidence = 0.8,
            CoderVersion = CoderVersion,
            Evidences = [new EventEvidence(doc.Name, text, sentence.Span.Start, sentence.Span.End)],
        };
    }

    /// <summary>A coder for tests: returns what the function gives for each document.</summary>
    public sealed class FixedCoder(string version, Func<Document, IReadOnlyList<EventRow>> code) : IDocumentCoder
    {
        public string Version { get; } = version;

        public IReadOnlyList<EventRow> Code(Document document, CancellationToken cancellationToken) =>
            [.. code(document).Select(e => e with { CoderVersion = Version })];
    }

    /// <summary>A news-length report with a dated Russia-North Korea sentence and a footnote; <paramref name="n"/> varies its content.</summary>
    public static string News(int n) => $"""
        Moscow and Pyongyang deepen ties, report {n}

        Russian Foreign Minister Sergey Lavrov met North Korean officials in Pyongyang on October {1 + n % 28}, 2023.[1] The talks covered trade, transport links and a new agreement on scientific exchange.
        Officials in Seoul said the meeting showed how quickly relations between the two governments had grown since the summit in September.
        Analysts expect further visits before the end of the year, including a possible trip by President Putin.

        [1] "Lavrov arrives in Pyongyang", Reuters, published on October 18, 2023. https://www.reuters.com/world/report-{n}
        """;
}
