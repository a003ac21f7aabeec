using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dyad.Documents;
using Dyad.Text;

namespace Dyad.Actors;

/// <summary>A hand-annotated mention: its span and the actors and countries it refers to (several for "the two leaders").</summary>
public sealed record GoldMention(TextSpan Span, string Text, ImmutableArray<string?> Actors, ImmutableArray<string?> Countries);

/// <summary>An annotated document: its plain text, the date its sentences talk about and the gold mentions.</summary>
public sealed record GoldActorDocument(int Line, DateOnly Date, string Text, ImmutableArray<GoldMention> Mentions);

/// <summary>What went wrong on one mention, for the evaluation's error listing.</summary>
public sealed record ActorEvalError(string Kind, DateOnly Date, string Text, string Expected, string Found);

/// <summary>
/// Mention scores: a predicted mention is correct when its span equals a gold span exactly
/// (mentions sharing a span count once); country and actor accuracy are measured on the spans
/// found, comparing the sets of codes.
/// </summary>
public sealed record ActorScore(int Gold, int Predicted, int Matched, int CountryCorrect, int ActorCorrect, ImmutableArray<ActorEvalError> Errors)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double CountryAccuracy => Matched == 0 ? 0 : (double)CountryCorrect / Matched;

    public double ActorAccuracy => Matched == 0 ? 0 : (double)ActorCorrect / Matched;
}

/// <summary>
/// Reads annotated text ("= YYYY-MM-DD" starts a document; mentions are written
/// [[text|ACTOR|COUNTRY]], '+' joins the codes of a plural mention, '-' is null) and scores a
/// recogniser on it. The project's own set ships in the library (data/eval/actors/).
/// </summary>
public static class ActorEvaluation
{
    private const string EmbeddedSet = "Dyad.data.eval/actors/news.txt";

    /// <summary>The annotated set embedded in the library.</summary>
    public static ImmutableArray<GoldActorDocument> LoadEmbedded()
    {
        using var stream = typeof(ActorEvaluation).Assembly.GetManifestResourceStream(EmbeddedSet)
            ?? throw new InvalidOperationException($"missing embedded resource {EmbeddedSet}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses annotated text; a malformed line throws <see cref="FormatException"/> naming the line.</summary>
    public static ImmutableArray<GoldActorDocument> Parse(string content)
    {
        var documents = ImmutableArray.CreateBuilder<GoldActorDocument>();
        StringBuilder? text = null;
        List<GoldMention>? mentions = null;
        DateOnly date = default;
        int docLine = 0, number = 0;
        void Flush()
        {
            if (text is not null && mentions is not null) documents.Add(new GoldActorDocument(docLine, date, text.ToString(), [.. mentions]));
        }
        foreach (var raw in content.Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r');
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            if (line.StartsWith("= ", StringComparison.Ordinal))
            {
                Flush();
                if (!DateOnly.TryParseExact(line[2..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                    throw new FormatException($"line {number}: bad document date '{line[2..].Trim()}'");
                text = new StringBuilder();
                mentions = [];
                docLine = number;
                continue;
            }
            if (text is null || mentions is null) throw new FormatException($"line {number}: text before the first '= YYYY-MM-DD' line");
            if (text.Length > 0) text.Append("\n\n");
            int i = 0;
            while (i < line.Length)
            {
                int open = line.IndexOf("[[", i, StringComparison.Ordinal);
                if (open < 0)
                {
                    text.Append(line, i, line.Length - i);
                    break;
                }
                text.Append(line, i, open - i);
                int close = line.IndexOf("]]", open, StringComparison.Ordinal);
                if (close < 0) throw new FormatException($"line {number}: '[[' without ']]'");
                var parts = line[(open + 2)..close].Split('|');
                if (parts.Length != 3) throw new FormatException($"line {number}: a mention needs text|ACTOR|COUNTRY: '{line[open..(close + 2)]}'");
                var actors = parts[1].Split('+').Select(Code).ToImmutableArray();
                var countries = parts[2].Split('+').Select(Code).ToImmutableArray();
                if (actors.Length != countries.Length) throw new FormatException($"line {number}: {actors.Length} actors but {countries.Length} countries in '{line[open..(close + 2)]}'");
                int start = text.Length;
                text.Append(parts[0]);
                mentions.Add(new GoldMention(new TextSpan(start, text.Length), parts[0], actors, countries));
                i = close + 2;
            }
        }
        Flush();
        return documents.ToImmutable();
    }

    private static string? Code(string code) => code.Trim() is "-" or "" ? null : code.Trim();

    /// <summary>Runs <paramref name="recognizer"/> on every document (dated by its annotation) and scores it.</summary>
    public static ActorScore Score(ActorRecognizer recognizer, IEnumerable<GoldActorDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        int gold = 0, predicted = 0, matched = 0, countryCorrect = 0, actorCorrect = 0;
        var errors = ImmutableArray.CreateBuilder<ActorEvalError>();
        foreach (var document in documents)
        {
            var found = recognizer.Recognize(document.Text, SentenceSplitter.Split(document.Text), _ => document.Date, cancellationToken)
                .GroupBy(m => m.Span)
                .ToDictionary(g => g.Key, g => g.ToList());
            var expected = document.Mentions.ToDictionary(m => m.Span);
            gold += expected.Count;
            predicted += found.Count;
            foreach (var (span, mentions) in found)
            {
                if (!expected.TryGetValue(span, out var want))
                {
                    errors.Add(new ActorEvalError("spurious", document.Date, mentions[0].Text, "-", Describe(mentions)));
                    continue;
                }
                matched++;
                bool country = SameSet(mentions.Select(m => m.Country), want.Countries);
                bool actor = SameSet(mentions.Select(m => m.Actor), want.Actors);
                if (country) countryCorrect++;
                if (actor) actorCorrect++;
                if (!country || !actor)
                    errors.Add(new ActorEvalError(country ? "actor" : "country", document.Date, want.Text, Describe(want), Describe(mentions)));
            }
            foreach (var (span, want) in expected)
            {
                if (!found.ContainsKey(span)) errors.Add(new ActorEvalError("missed", document.Date, want.Text, Describe(want), "-"));
            }
        }
        return new ActorScore(gold, predicted, matched, countryCorrect, actorCorrect, errors.ToImmutable());
    }

    private static bool SameSet(IEnumerable<string?> a, IEnumerable<string?> b) =>
        a.Select(x => x ?? "-").ToHashSet(StringComparer.Ordinal).SetEquals(b.Select(x => x ?? "-"));

    private static string Describe(GoldMention m) => $"{string.Join('+', m.Actors.Select(a => a ?? "-"))}/{string.Join('+', m.Countries.Select(c => c ?? "-"))}";

    private static string Describe(List<ActorMention> m) => $"{string.Join('+', m.Select(a => a.Actor ?? "-"))}/{string.Join('+', m.Select(a => a.Country ?? "-"))}";
}
