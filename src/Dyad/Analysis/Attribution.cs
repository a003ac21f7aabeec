using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>Who makes a claim, denial or announcement: the words of the text, and an actor code when an event names one.</summary>
public sealed record Attribution(string Text, string? Actor)
{
    public override string ToString() => Actor is null || Text.Contains(Actor, StringComparison.Ordinal) ? Text : $"{Text} ({Actor})";
}

/// <summary>
/// Finds who voices an alleged, denied or intended event. First, another event coded from the same sentence
/// whose code is a speech act (make a statement 01, appeal 02, disapprove/accuse 11, reject 12, threaten 13)
/// and whose source is a third actor or the event's own: its source. Otherwise the sentence's own words: the
/// noun phrase after "according to" / "as per", or the one before a reporting verb (said, claimed, alleged,
/// accused, warned, denied, rejected, dismissed...). Null when neither is found: the sources then say who reported it.
/// </summary>
public static partial class Attributions
{
    private static readonly FrozenSet<string> SpeechRoots = FrozenSet.ToFrozenSet(["01", "02", "11", "12", "13"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Boundaries = FrozenSet.ToFrozenSet(
        ["that", "which", "who", "although", "though", "however", "while", "since", "because", "as", "if", "when", "so", "far",
         "but", "yet", "also", "now", "then", "even", "in", "on", "at", "after", "before", "of", "by", "with", "to", "from", "for",
         "has", "have", "had", "is", "are", "was", "were", "be", "been", "it", "this", "these", "those", "not", "never"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Pronouns = FrozenSet.ToFrozenSet(
        ["he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "the latter", "the former"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Months = FrozenSet.ToFrozenSet(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
         "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        ["has", "have", "had", "also", "repeatedly", "categorically", "publicly", "officially", "again", "already", "firmly", "flatly", "strongly"],
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?:according to|as per)\s+(?<who>[^,.;:()]{2,80})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"\b(?:said|says|say|stated|states|claimed|claims|claim|alleged|alleges|allege|accused|accuses|accuse|warned|warns|charged|charges|reported|reports|announced|announces|denied|denies|deny|rejected|rejects|reject|dismissed|dismisses|promised|promises|pledged|pledges|insisted|insists)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReportingVerb();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.'’\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>Who voices <paramref name="e"/>, looking at the other events in <paramref name="sameSentence"/> and then at the sentence.</summary>
    public static Attribution? Find(EventRow e, IEnumerable<EventRow> sameSentence)
    {
        foreach (var other in sameSentence)
        {
            if (ReferenceEquals(other, e) || other.Equals(e) || !SpeechRoots.Contains(other.Root)) continue;
            if (other.SourceActor is null && other.SourceCountry is null && other.SourceText is null) continue;
            string? code = other.SourceActor ?? other.SourceCountry;
            string? named = other.SourceText is { } t && !Pronouns.Contains(t) ? t : null;
            return new Attribution(named ?? code ?? other.SourceText!, code);
        }
        return e.EvidenceSentence is { } sentence && FromSentence(sentence) is { } text ? new Attribution(text, null) : null;
    }

    /// <summary>The words that name who speaks in <paramref name="sentence"/>, or null.</summary>
    public static string? FromSentence(string sentence)
    {
        if (AccordingTo().Match(sentence) is { Success: true } according)
        {
            return Trim(according.Groups["who"].Value);
        }
        foreach (Match verb in ReportingVerb().Matches(sentence))
        {
            // "reports claim": the first word is the noun of the speaker, the second the verb.
            if (ReportingVerb().Match(sentence, verb.Index + verb.Length) is { Success: true } next
                && string.IsNullOrWhiteSpace(sentence[(verb.Index + verb.Length)..next.Index])) continue;
            var words = Word().Matches(sentence[..verb.Index]).ToList();
            int end = words.Count;
            while (end > 0 && Auxiliaries.Contains(words[end - 1].Value)) end--;
            int start = end;
            while (start > 0 && end - start < 6)
            {
                var word = words[start - 1];
                if (Boundaries.Contains(word.Value) && !(start < end && IsDeterminer(word.Value))) break;
                if (char.IsDigit(word.Value[0]) || Months.Contains(word.Value)) break;
                string between = sentence[(word.Index + word.Length)..(start < words.Count ? words[start].Index : verb.Index)];
                if (start < end && between.IndexOfAny([',', ';', ':', '(', ')', '"', '“', '”']) >= 0) break;
                start--;
                if (IsDeterminer(word.Value)) break;
            }
            if (start == end) continue;
            int from = words[start].Index, to = words[end - 1].Index + words[end - 1].Length;
            string who = sentence[from..to];
            if (who.Any(char.IsUpper)) return Trim(who);
        }
        return null;
    }

    /// <summary>True for a pronoun or an anaphor ("he", "their", "the latter") that names nobody on its own.</summary>
    internal static bool IsPronoun(string text) => Pronouns.Contains(text);

    private static bool IsDeterminer(string word) => word.Equals("the", StringComparison.OrdinalIgnoreCase);

    private static string Trim(string text) => text.Trim().TrimEnd('.', ' ');
}
