using System.Globalization;
using System.Text;
using Dyad.Analysis;
using Dyad.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dyad.Cli.Web;

/// <summary>
/// The local web application of `dyad serve`: the store's dyads, a dyad's brief and full timeline, each
/// document with its events marked on the sentences they come from, and the events as JSON lines. Pages
/// are rendered on the server, hold no script and make no external request; every piece of stored text
/// is HTML-escaped. The store is opened read-only for each request.
/// </summary>
internal static class DyadWeb
{
    /// <summary>No script, no external request: styles inline, images as data, forms to this server only.</summary>
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'";

    /// <summary>How many events the overview reads to rank the dyads.</summary>
    private const int OverviewEvents = 200_000;

    public static WebApplication Build(StoreLocation location, IReadOnlyList<string> urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([.. urls]);
        var app = builder.Build();
        LocalHosting.RefuseOtherHosts(app, urls);
        app.Use(async (context, next) =>
        {
            // The pages' policy as a header too (a meta tag cannot forbid framing), for every reply.
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy + "; frame-ancestors 'none'";
            await next(context);
        });
        app.MapGet("/", () => Page(location, Overview));
        app.MapGet("/dyad", (string? a, string? b, string? from, string? to) => Page(location, store => DyadBrief(store, a, b, from, to)));
        app.MapGet("/timeline", (string? a, string? b, string? from, string? to) => Page(location, store => DyadTimeline(store, a, b, from, to)));
        app.MapGet("/documents/{id:long}", (long id) => Page(location, store => DocumentPage(store, id)));
        app.MapGet("/api/events", (string? dyad, string? from, string? to, string? code, string? modality, string? q, int? limit, int? offset) =>
            Page(location, store => EventsJson(store, dyad, from, to, code, modality, q, limit, offset)));
        return app;
    }

    private sealed record Reply(int Status, string ContentType, string Body);

    private static Reply Html(string body, int status = 200) => new(status, "text/html; charset=utf-8", body);

    private static Reply Problem(int status, string title, string message) =>
        Html(Layout(title, $"<h1>{E(title)}</h1>\n<p>{E(message)}</p>\n<p><a href=\"/\">All dyads</a></p>\n"), status);

    private static IResult Page(StoreLocation location, Func<IEventStore, Reply> render)
    {
        Reply reply;
        try
        {
            using var store = EventStores.Open(location, readOnly: true);
            reply = render(store);
        }
        catch (StoreException ex)
        {
            reply = Problem(503, "The store cannot be read", ex.Message);
        }
        return Results.Text(reply.Body, reply.ContentType, Encoding.UTF8, reply.Status);
    }

    private static Reply Overview(IEventStore store)
    {
        var counts = store.Counts();
        var dyads = store.Events(EventQuery.All, OverviewEvents)
            .Where(e => e.SourceCountry is not null && e.TargetCountry is not null && e.SourceCountry != e.TargetCountry)
            .GroupBy(e => string.CompareOrdinal(e.SourceCountry, e.TargetCountry) < 0 ? (e.SourceCountry!, e.TargetCountry!) : (e.TargetCountry!, e.SourceCountry!))
            .Select(g => (A: g.Key.Item1, B: g.Key.Item2, Events: g.Count(), Asserted: g.Count(e => e.Modality == "asserted")))
            .OrderByDescending(d => d.Events).ThenBy(d => d.A, StringComparer.Ordinal).ThenBy(d => d.B, StringComparer.Ordinal)
            .Take(40)
            .ToList();
        var sb = new StringBuilder();
        sb.Append("<h1>Dyad</h1>\n<p class=\"subtitle\">").Append(E(string.Create(CultureInfo.InvariantCulture,
            $"{counts.Documents} documents, {counts.Sentences} sentences, {counts.Events + counts.GdeltEvents} events ({counts.GdeltEvents} imported from GDELT)"))).Append("</p>\n");
        sb.Append("<form action=\"/dyad\" method=\"get\"><label>A <input name=\"a\" size=\"8\" placeholder=\"RUS\"></label> ")
          .Append("<label>B <input name=\"b\" size=\"8\" placeholder=\"PRK\"></label> ")
          .Append("<label>from <input name=\"from\" size=\"10\" placeholder=\"YYYY-MM-DD\"></label> ")
          .Append("<label>to <input name=\"to\" size=\"10\" placeholder=\"YYYY-MM-DD\"></label> <button>Brief</button></form>\n");
        sb.Append("<h2>Dyads</h2>\n");
        if (dyads.Count == 0)
        {
            sb.Append("<p>No events between two countries yet: run <code>dyad ingest</code> first.</p>\n");
        }
        else
        {
            sb.Append("<table>\n<tr><th>dyad</th><th class=\"num\">events</th><th class=\"num\">asserted</th><th></th></tr>\n");
            foreach (var d in dyads)
            {
                string query = $"a={Uri.EscapeDataString(d.A)}&amp;b={Uri.EscapeDataString(d.B)}";
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/dyad?{query}\">{E(Country(d.A))}–{E(Country(d.B))}</a> <span class=\"codes\">{E(d.A)}–{E(d.B)}</span></td><td class=\"num\">{d.Events}</td><td class=\"num\">{d.Asserted}</td><td><a href=\"/timeline?{query}\">timeline</a></td></tr>\n");
            }
            sb.Append("</table>\n");
        }
        return Html(Layout("Dyad", sb.ToString()));
    }

    private static (DyadPair? Pair, DateOnly? From, DateOnly? To, Reply? Error) Parse(string? a, string? b, string? from, string? to)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return (null, null, null, Problem(400, "Two actors are needed", "Give both sides of the dyad, e.g. /dyad?a=RUS&b=PRK."));
        var (pair, error) = DyadPair.Create(a, b);
        if (pair is null) return (null, null, null, Problem(400, "Not a dyad", error!));
        var (start, end, bad) = Window(from, to);
        if (bad is not null) return (null, null, null, Problem(400, "Not a date", bad));
        return (pair, start, end, null);
    }

    /// <summary>The window the from and to parameters give, or why one of them is no date.</summary>
    private static (DateOnly? From, DateOnly? To, string? Error) Window(string? from, string? to)
    {
        DateOnly? start = null, end = null;
        foreach (var (text, isEnd) in new[] { (from, false), (to, true) })
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (Commands.DyadArguments.Bound(text.Trim(), isEnd) is not { } date) return (null, null, $"'{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            if (isEnd) end = date; else start = date;
        }
        return (start, end, null);
    }

    private static Reply DyadBrief(IEventStore store, string? a, string? b, string? from, string? to)
    {
        var (pair, start, end, error) = Parse(a, b, from, to);
        if (error is not null) return error;
        var brief = Brief.Build(Commands.DyadArguments.InvolvingEither(store, pair!, start, end), pair!, new BriefOptions { From = start, To = end });
        return Html(BriefHtml.Render(brief));
    }

    private static Reply DyadTimeline(IEventStore store, string? a, string? b, string? from, string? to)
    {
        var (pair, start, end, error) = Parse(a, b, from, to);
        if (error is not null) return error;
        var events = Timeline.Of(store.Events(pair!.Query(start, end)), pair);
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(E($"Timeline {Dyad.Analysis.Prose.ActorNames.Default.Dyad(pair!)} ({pair!.Name})")).Append("</h1>\n<p class=\"subtitle\">")
          .Append(E(string.Create(CultureInfo.InvariantCulture, $"{events.Count} events, every modality, in date order")))
          .Append(" · <a href=\"/dyad?a=").Append(Uri.EscapeDataString(pair.A)).Append("&amp;b=").Append(Uri.EscapeDataString(pair.B)).Append("\">brief</a></p>\n");
        sb.Append("<table>\n<tr><th>date</th><th>source</th><th>event</th><th>target</th><th>modality</th><th>evidence</th></tr>\n");
        foreach (var e in events)
        {
            sb.Append("<tr><td>").Append(E(EventFacts.DateLabel(e))).Append("</td><td>").Append(E(EventFacts.ActorName(e.SourceText, e.SourceActor, e.SourceCountry, e.DateStart)))
              .Append("</td><td>").Append(E($"{e.Cameo} {e.Label}")).Append("</td><td>").Append(E(EventFacts.ActorName(e.TargetText, e.TargetActor, e.TargetCountry, e.DateStart)))
              .Append("</td><td>").Append(E(e.Modality ?? "")).Append("</td><td>").Append(E(e.EvidenceSentence ?? ""));
            if (e.DocumentId is { } doc) sb.Append(CultureInfo.InvariantCulture, $" <a href=\"/documents/{doc}#s{e.EvidenceStart}\">document</a>");
            sb.Append("</td></tr>\n");
        }
        sb.Append("</table>\n");
        return Html(Layout($"Timeline {pair.Name}", sb.ToString()));
    }

    /// <summary>A country code as people read it ("Iran", "The United States").</summary>
    private static string Country(string code) => Dyad.Analysis.Prose.ActorNames.Default.Label(null, code);

    private static string Actor(string? text, string? code) =>
        text is null ? code ?? "-" : code is null || text == code ? text : $"{text} ({code})";

    private static Reply DocumentPage(IEventStore store, long id)
    {
        if (!store.Documents().Any(d => d.Id == id)) return Problem(404, "No such document", $"The store holds no document {id}.");
        var document = store.LoadDocument(id);
        var events = store.Events(new EventQuery { Doc = document.Name }).Where(e => e.DocumentId == id).ToList();
        var bySentence = events.Where(e => e.EvidenceStart is not null).ToLookup(e => e.EvidenceStart!.Value);
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(E(document.Metadata.Title ?? document.Name)).Append("</h1>\n<p class=\"subtitle\">")
          .Append(E(string.Join(" · ", new[] { document.Name, string.Join(", ", document.Metadata.Authors), document.Metadata.Publisher,
              document.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(s => !string.IsNullOrEmpty(s)))))
          .Append(CultureInfo.InvariantCulture, $" · {events.Count} events</p>\n<div class=\"text\"><p>");
        int at = 0;
        string text = document.Text;
        foreach (var sentence in document.Sentences)
        {
            AppendPlain(sb, text, at, sentence.Span.Start);
            var coded = bySentence[sentence.Span.Start].ToList();
            if (coded.Count == 0)
            {
                sb.Append(E(sentence.Span.Slice(text)));
            }
            else
            {
                string title = string.Join("; ", coded.Select(e => $"{Actor(e.SourceText, e.SourceActor)} → {Actor(e.TargetText, e.TargetActor)}: {e.Cameo} {e.Label}, {e.Modality}, {EventFacts.DateLabel(e)}"));
                sb.Append(CultureInfo.InvariantCulture, $"<mark id=\"s{sentence.Span.Start}\" title=\"{E(title)}\">").Append(E(sentence.Span.Slice(text))).Append("</mark>");
            }
            at = sentence.Span.End;
        }
        AppendPlain(sb, text, at, text.Length);
        sb.Append("</p></div>\n");
        if (!document.Citations.IsEmpty)
        {
            sb.Append("<h2>Sources</h2>\n<ol class=\"notes\">\n");
            foreach (var c in document.Citations)
            {
                sb.Append("<li value=\"").Append(int.TryParse(c.Marker, out int n) ? n.ToString(CultureInfo.InvariantCulture) : "0").Append("\">").Append(E(c.Text));
                if (c.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")
                    sb.Append(" <a href=\"").Append(E(u.AbsoluteUri)).Append("\">").Append(E(url)).Append("</a>");
                sb.Append("</li>\n");
            }
            sb.Append("</ol>\n");
        }
        return Html(Layout(document.Metadata.Title ?? document.Name, sb.ToString()));
    }

    // Paragraph breaks of the body text become paragraphs of the page.
    private static void AppendPlain(StringBuilder sb, string text, int start, int end)
    {
        if (end <= start) return;
        string between = text[start..end];
        sb.Append(E(between).Replace("\n\n", "</p>\n<p>", StringComparison.Ordinal));
    }

    private static Reply EventsJson(IEventStore store, string? dyad, string? from, string? to, string? code, string? modality, string? q, int? limit, int? offset)
    {
        static Reply Bad(string message) => new(400, "text/plain; charset=utf-8", message + "\n");
        if (!string.IsNullOrWhiteSpace(modality) && !EventQuery.Modalities.Contains(modality.Trim().ToLowerInvariant()))
        {
            return Bad($"modality must be one of {string.Join(", ", EventQuery.Modalities)}");
        }
        if (!string.IsNullOrWhiteSpace(code) && code.Trim() is var c && (c.Length is < 2 or > 4 || !c.All(char.IsAsciiDigit)))
        {
            return Bad("code must be 2 to 4 digits of a CAMEO code");
        }
        if (limit is < 1 or > EventQuery.MaxPage) return Bad($"limit must be between 1 and {EventQuery.MaxPage:D}; page with offset");
        if (offset is < 0) return Bad("offset must be 0 or more");
        var query = new EventQuery
        {
            Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim(),
            Modality = string.IsNullOrWhiteSpace(modality) ? null : modality.Trim(),
            Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        };
        if (!string.IsNullOrWhiteSpace(dyad))
        {
            var (withDyad, error) = EventQuery.WithDyad(query, dyad.Trim());
            if (withDyad is null) return new Reply(400, "text/plain; charset=utf-8", error + "\n");
            query = withDyad;
        }
        var (start, end, bad) = Window(from, to);
        if (bad is not null) return new Reply(400, "text/plain; charset=utf-8", bad + "\n");
        query = query with { From = start, To = end };
        var sb = new StringBuilder();
        foreach (var e in store.Events(query, limit ?? 1000, offset ?? 0)) sb.Append(EventExport.ToJson(e)).Append('\n');
        return new Reply(200, "application/x-ndjson; charset=utf-8", sb.ToString());
    }

    private static string E(string text) => BriefHtml.Escape(text);

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 0; line-height: 1.45; }
        main { max-width: 64rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
        .subtitle { color: #555; margin-top: 0; }
        .codes { color: #777; font-size: .85em; }
        table { border-collapse: collapse; }
        th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; }
        mark { background: #fff2a8; }
        .text p { max-width: 46rem; }
        a { color: #1c4f8c; }
        """;

    private static string Layout(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + ContentSecurityPolicy + "\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + E(title) + "</title>\n<style>\n" + Style + "</style>\n</head>\n<body>\n<main>\n"
        + "<nav><a href=\"/\">All dyads</a></nav>\n" + body + "</main>\n</body>\n</html>\n";
}
