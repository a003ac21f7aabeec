using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dyad.Store;

namespace Dyad.Analysis.Prose;

/// <summary>A sentence of a brief's prose, with the stored events it tells (their notes are among its runs).</summary>
internal sealed record ProseSentence(ImmutableArray<Run> Runs, ImmutableArray<EventRow> Events)
{
    public string Text => string.Concat(Runs.OfType<TextRun>().Select(r => r.Text));

    public int Words => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}

/// <summary>Where a sentence puts its date: at the end ("... on 13 September 2023."), in front ("On 13 September 2023, ..."), or nowhere.</summary>
internal enum DatePlacement
{
    End,
    Front,
    None,
}

/// <summary>
/// Writes events as English sentences from their records, never by quoting the evidence: the actors as people
/// write them (<see cref="ActorNames"/>), the verb phrase of the CAMEO code (<see cref="VerbPhrases"/>), the place
/// when known, the date at its precision, and the modality in an analyst's words (alleged that, denied, announced,
/// could, did not). Each sentence carries the notes of every event it tells. People are named in full the first
/// time and by family name after, so one realiser writes one brief, in reading order.
/// </summary>
internal sealed class Realiser(ActorNames names, VerbPhrases phrases, Footnotes notes)
{
    private readonly HashSet<string> _mentioned = new(StringComparer.Ordinal);

    public Footnotes Notes => notes;

    /// <summary>A realiser that writes into scratch notes and forgets its mentions: for measuring a sentence before choosing it.</summary>
    public Realiser Scratch() => new(names, phrases, new Footnotes());

    /// <summary>One sentence telling <paramref name="events"/> (one occasion: the most salient speaks for all; all carry their notes).</summary>
    public ProseSentence Sentence(IReadOnlyList<EventRow> events, Attribution? who = null, DatePlacement placement = DatePlacement.End, string? lead = null, string? tail = null)
    {
        var main = events.OrderByDescending(Salience.Score).ThenBy(e => e.Id, StringComparer.Ordinal).First();
        string clause = Clause(main, who, placement);
        string text = lead is null ? ActorNames.Capitalise(clause) : lead + clause;
        if (tail is not null) text += tail;
        return Finish(text, events);
    }

    /// <summary>A sentence made of text the caller wrote about <paramref name="events"/>, with their notes.</summary>
    public ProseSentence Finish(string text, IReadOnlyList<EventRow> events)
    {
        text = Tidy(text);
        if (!text.EndsWith('.')) text += ".";
        var numbers = events.SelectMany(e => notes.Cite(e)).Distinct().Order().ToImmutableArray();
        return new ProseSentence([new TextRun(text), new NoteRefs(numbers)], [.. events]);
    }

    /// <summary>The event as a clause, starting with its subject (or the one who voices it), without a final stop or notes.</summary>
    public string Clause(EventRow e, Attribution? who = null, DatePlacement placement = DatePlacement.End)
    {
        var phrase = phrases.Find(e.Cameo) ?? phrases.Find(e.Root) ?? new VerbPhrase(e.Cameo, "acted {towards t}", "act {towards t}");
        string? target = e.TargetActor is null && e.TargetCountry is null && e.TargetText is null ? null : Name(e.TargetText, e.TargetActor, e.TargetCountry, e.DateStart, e.EvidenceSentence);
        string subject = Name(e.SourceText, e.SourceActor, e.SourceCountry, e.DateStart, e.EvidenceSentence);
        string place = Place(e, target);
        // "visited Vladivostok", not "visited Russia in Vladivostok": a place in the target country stands for it as the object.
        if (phrase.TakesObject && place.Length > 0 && e.TargetCountry is { } tc && e.LocationCountry == tc && target == names.Country(tc))
        {
            target = e.LocationText;
            place = "";
        }
        string? voice = who is null ? null : Voice(who, e.DateStart);
        bool sameVoice = voice is not null && string.Equals(voice, subject, StringComparison.OrdinalIgnoreCase);
        if (sameVoice) voice = null;
        // A voiced clause puts a front date with its verb ("Tehran denied on 16 September 2019 that ..."), as does a
        // denial: the date is when it was said.
        bool spoken = voice is not null || e.Modality == "denied";
        string? when = DatePhrase(e);
        string date = placement == DatePlacement.End && when is not null && !(e.Modality == "denied") ? " " + when : "";
        string said = when is not null && (placement == DatePlacement.Front && spoken || placement == DatePlacement.End && e.Modality == "denied") ? " " + when : "";
        string past = phrase.PastWith(target) + place + date, base_ = phrase.BaseWith(target) + place + date;
        string clause = e.Modality switch
        {
            "negated" => $"{subject} did not {base_}",
            "alleged" when voice is not null => $"{voice} alleged{said} that {subject} {past}",
            "alleged" => $"{subject} reportedly {past}",
            "denied" when voice is not null => $"{voice} denied{said} that {(SameCountry(who!, e) ? "it" : subject)} {past}",
            "denied" => $"{subject} denied{said} that it {past}",
            // The codes of root 03 say the intent themselves ("offered material aid"): told as said, not as a plan to intend.
            "intended" when e.Root == "03" => voice is not null ? $"{voice} said{said} that {subject} {past}" : $"{subject} {past}",
            "intended" when voice is not null => $"{voice} announced{said} that {subject} would {base_}",
            "intended" => $"{subject} announced plans to {base_}",
            "hypothetical" when voice is not null => $"{voice} said{said} that {subject} could {base_}",
            "hypothetical" when placement == DatePlacement.Front => $"{subject} was expected to {base_}",
            "hypothetical" => $"{subject} is expected to {base_}",
            _ => $"{subject} {past}",
        };
        if (placement == DatePlacement.Front && !spoken && when is not null) clause = $"{ActorNames.Capitalise(when)}, {clause}";
        return clause;
    }

    private static bool SameCountry(Attribution who, EventRow e) =>
        who.Actor is { Length: >= 3 } a && e.SourceCountry is { } c && a[..3] == c;

    /// <summary>Who voices a claim, as prose names them; null when the words name nobody (an anaphor with no actor code).</summary>
    private string? Voice(Attribution who, DateOnly? date)
    {
        string text = Speaker(who.Text);
        if (who.Actor is null && names.IsAnaphor(text)) return null;
        return Name(text, who.Actor, who.Actor is { Length: >= 3 } a ? a[..3] : null, date);
    }

    /// <summary>A speaker's words without a date they carry ("White House statement in December 2022": "White House statement").</summary>
    private static string Speaker(string text)
    {
        var months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0).ToArray();
        foreach (string preposition in (string[])[" in ", " on ", " of "])
        {
            int at = text.IndexOf(preposition, StringComparison.Ordinal);
            if (at <= 0) continue;
            string next = text[(at + preposition.Length)..];
            if (next.Length > 0 && (char.IsDigit(next[0]) || months.Any(m => next.StartsWith(m, StringComparison.Ordinal)))) return text[..at];
        }
        return text;
    }

    /// <summary>
    /// An actor as prose names it (see <see cref="ActorNames"/>); people in full on first mention, and a pronoun
    /// as the one person of the actor's country its <paramref name="sentence"/> names.
    /// </summary>
    public string Name(string? text, string? actor, string? country, DateOnly? date, string? sentence = null)
    {
        string? c = country ?? (actor is { Length: >= 3 } ? actor[..3] : null);
        string? t = text?.Trim().Trim(',', ';', ':');
        // "he paid an official visit": the one person of the country the sentence names in full.
        if (t is not null && c is not null && sentence is not null && names.IsPersonalPronoun(t) && names.NamedIn(sentence, c, date) is { } named)
        {
            return _mentioned.Add(named.Name) ? names.FirstMention(named) : names.LaterMention(named);
        }
        if (t is { Length: > 0 } && !names.IsAnaphor(t))
        {
            if (t.StartsWith("The ", StringComparison.Ordinal) && t.Length > 4 && char.IsLower(t[4])) t = "the " + t[4..];
            if (c is not null && names.Person(t, c, actor, date) is { } person)
            {
                return _mentioned.Add(person.Name) ? names.FirstMention(person, t) : names.LaterMention(person);
            }
            if (c is not null && (names.IsCountryName(t, c) || names.IsDemonym(t, c) || names.IsPartOfName(t, c))) return names.Country(c);
            if (c is not null && names.IsSeat(t, c)) return names.Seat(t);
            if (c is null && names.SeatIn(t) is { } seat) return seat.Seat;
            if (!t.Any(char.IsUpper))
            {
                if (c is not null && names.Demonym(c) is { } demonym)
                {
                    if (t.StartsWith("the ", StringComparison.Ordinal)) return $"the {demonym} {t[4..]}";
                    return t.EndsWith('s') ? $"{demonym} {t}" : $"the {demonym} {t}";
                }
                return t;
            }
            if (c is not null && names.Demonym(c) is { } adjective && t.StartsWith(adjective + " ", StringComparison.Ordinal) && !t.EndsWith('s'))
            {
                return "the " + t;
            }
            return t;
        }
        return names.Actor(actor, country);
    }

    private string Place(EventRow e, string? target)
    {
        if (e.LocationText is not { Length: > 0 } loc) return "";
        if (names.IsAnyDemonym(loc) || e.LocationCountry is { } lc && names.IsCountryName(loc, lc)) return "";
        if (target is not null && target.Contains(loc, StringComparison.OrdinalIgnoreCase)) return "";
        return " in " + loc;
    }

    /// <summary>The date at its precision: "on 13 September 2023", "from 12 to 17 September 2023", "in July 2000", "in the 2000s"; null when undated.</summary>
    public static string? DatePhrase(EventRow e)
    {
        if (e.DateStart is not { } s) return null;
        var end = e.DateEnd ?? s;
        return e.DatePrecision switch
        {
            "day" when s == end => $"on {Day(s)}",
            "day" when s.Year == end.Year && s.Month == end.Month => $"from {s.Day.ToString(CultureInfo.InvariantCulture)} to {Day(end)}",
            "day" when s.Year == end.Year => $"from {s.ToString("d MMMM", CultureInfo.InvariantCulture)} to {Day(end)}",
            "day" => $"from {Day(s)} to {Day(end)}",
            "week" => $"in the week of {Day(s)}",
            "month" when s.Year == end.Year && s.Month == end.Month => $"in {Month(s)}",
            "month" or "season" when s.Year == end.Year => $"between {s.ToString("MMMM", CultureInfo.InvariantCulture)} and {Month(end)}",
            "month" or "season" => $"between {Month(s)} and {Month(end)}",
            "quarter" => $"in the {QuarterWord((s.Month - 1) / 3 + 1)} quarter of {Year(s)}",
            "year" when s.Year == end.Year => $"in {Year(s)}",
            "year" => $"from {Year(s)} to {Year(end)}",
            "decade" => $"in the {(s.Year / 10 * 10).ToString(CultureInfo.InvariantCulture)}s",
            "century" => $"in the {Ordinal(s.Year / 100 + 1)} century",
            _ => s == end ? $"on {Day(s)}" : $"from {Day(s)} to {Day(end)}",
        };
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Month(DateOnly d) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Year(DateOnly d) => d.Year.ToString(CultureInfo.InvariantCulture);

    internal static string QuarterWord(int quarter) => quarter switch { 1 => "first", 2 => "second", 3 => "third", _ => "fourth" };

    private static string Ordinal(int n)
    {
        string suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>Spaces and commas as a sentence wants them: no comma before a stop or another comma, single spaces.</summary>
    internal static string Tidy(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(word);
        }
        string s = sb.ToString();
        while (s.Contains(",,", StringComparison.Ordinal)) s = s.Replace(",,", ",", StringComparison.Ordinal);
        s = s.Replace(",.", ".", StringComparison.Ordinal).Replace(", .", ".", StringComparison.Ordinal).Replace(",:", ":", StringComparison.Ordinal);
        return s.TrimEnd(',', ' ');
    }
}
