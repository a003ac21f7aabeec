using System.Collections.Immutable;
using System.Text;
using Dyad.Documents;
using Dyad.Store;

namespace Dyad.Tests.Analysis;

/// <summary>
/// A fixed small corpus of Iran-Saudi Arabia events written for these tests: facts, an allegation with its
/// denial, announced intentions (one fulfilled), third parties, an undated and a year-precision event, and
/// text that looks like markup. Stored through the store API in a temporary SQLite database.
/// </summary>
internal static class AnalysisCorpus
{
    public const string DocName = "irn-sau-notes.txt";

    // CAMEO facts used by the corpus: label, Goldstein weight (ICEWS table), QuadClass, PLOVER type.
    private static readonly Dictionary<string, (string Label, double Goldstein, int Quad, string Plover)> Codes = new()
    {
        ["040"] = ("Consult", 1, 1, "CONSULT"),
        ["042"] = ("Make a visit", 1.9, 1, "CONSULT"),
        ["043"] = ("Host a visit", 2.8, 1, "CONSULT"),
        ["046"] = ("Engage in negotiation", 7, 1, "CONSULT"),
        ["057"] = ("Sign formal agreement", 8, 1, "SUPPORT"),
        ["061"] = ("Cooperate economically", 6.4, 2, "COOPERATE"),
        ["074"] = ("Provide military protection or peacekeeping", 8.5, 2, "AID"),
        ["111"] = ("Criticize or denounce", -2, 3, "ACCUSE"),
        ["112"] = ("Accuse", -2, 3, "ACCUSE"),
        ["161"] = ("Reduce or break diplomatic relations", -4, 4, "SANCTION"),
        ["172"] = ("Impose administrative sanctions", -5, 4, "COERCE"),
        ["180"] = ("Use unconventional violence", -9, 4, "ASSAULT"),
        ["190"] = ("Use conventional military force", -10, 4, "ASSAULT"),
        ["195"] = ("Employ aerial weapons", -10, 4, "ASSAULT"),
    };

    private static EventCitation S(string marker, string outlet, string title, string date, string slug) =>
        new(marker, outlet, title, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), $"https://news.example/{date[..4]}/{slug}");

    private static readonly EventCitation Ties1 = S("1", "Gulf Ledger", "Riyadh severs ties with Tehran after embassy attack", "2016-01-04", "riyadh-severs-ties");
    private static readonly EventCitation Ties2 = S("2", "Harbour Street Journal", "Saudi Arabia cuts diplomatic relations with Iran", "2016-01-03", "saudi-cuts-ties");
    private static readonly EventCitation Condemn = S("3", "Tehran Daily Review", "Ministry calls Saudi move \"hasty\" & <b>reckless</b>", "2016-01-05", "ministry-condemns");
    private static readonly EventCitation Abqaiq = S("4", "Harbour Street Journal", "Drones strike Abqaiq processing plant", "2019-09-15", "abqaiq-strike");
    private static readonly EventCitation Denial = S("5", "Gulf Ledger", "Tehran denies role in Abqaiq strike", "2019-09-16", "tehran-denies");
    private static readonly EventCitation Sanctions = S("6", "Wire Service One", "Washington sanctions Iran's central bank and sends troops to the Gulf", "2019-09-20", "us-sanctions-troops");
    private static readonly EventCitation Baghdad = S("7", "Mesopotamia Times", "Iraq hosts Saudi-Iranian talks", "2021-04-18", "baghdad-talks");
    private static readonly EventCitation Beijing1 = S("8", "Harbour Street Journal", "Iran and Saudi Arabia agree to restore ties", "2023-03-10", "beijing-agreement");
    private static readonly EventCitation Beijing2 = S("9", "Wire Service One", "China brokers Saudi-Iran deal", "2023-03-11", "china-brokers-deal");
    private static readonly EventCitation Faisal = S("10", "Gulf Ledger", "Saudi foreign minister visits Tehran", "2023-06-17", "faisal-in-tehran");
    private static readonly EventCitation Raisi = S("11", "Harbour Street Journal", "Raisi arrives in Riyadh for summit", "2023-11-11", "raisi-in-riyadh");
    private static readonly EventCitation Rounds = S("12", "Mesopotamia Times", "Fifth round of Saudi-Iranian talks ends in Baghdad", "2022-04-23", "fifth-round");

    private sealed record Spec(
        string Id, string? Start, string? End, string? Value, string? Precision, string? DateText,
        (string Text, string Actor, string Country) Source, (string Text, string Actor, string Country)? Target,
        string Cameo, string Modality, string Sentence, EventCitation[] Sources);

    private static Spec Day(string id, string date, string dateText, (string, string, string) source, (string, string, string)? target, string cameo, string modality, string sentence, params EventCitation[] sources) =>
        new(id, date, date, date, "day", dateText, source, target, cameo, modality, sentence, sources);

    private static readonly (string, string, string) IrnGov = ("Iran", "IRNGOV", "IRN");
    private static readonly (string, string, string) SauGov = ("Saudi Arabia", "SAUGOV", "SAU");

    private static readonly Spec[] Specs =
    [
        Day("e01", "2016-01-02", "2 January 2016", ("protesters", "IRNCVL", "IRN"), ("the Saudi embassy in Tehran", "SAUGOV", "SAU"), "180", "asserted",
            "On 2 January 2016, protesters stormed the Saudi embassy in Tehran.", Ties1),
        Day("e02", "2016-01-03", "3 January 2016", SauGov, IrnGov, "161", "asserted",
            "On 3 January 2016, Saudi Arabia cut diplomatic relations with Iran.", Ties1, Ties2),
        Day("e03", "2016-01-04", "a day later", ("Iran's foreign ministry", "IRNGOV", "IRN"), SauGov, "111", "asserted",
            "A day later Iran's foreign ministry denounced the decision as *hasty* and wrote <script>document.body.dataset.pwned='1'</script> in its note.", Condemn),
        new("e04", "2016-01-01", "2016-12-31", "2016", "year", "In 2016", SauGov, IrnGov, "172", "asserted",
            "In 2016, Saudi Arabia also banned flights to and from Iran.", [Ties2]),
        Day("e05", "2017-05-02", "2 May 2017", ("the crown prince", "SAUGOV", "SAU"), IrnGov, "111", "asserted",
            "On 2 May 2017, the crown prince said dialogue with Iran was impossible.", Ties2),
        Day("e06", "2017-11-06", "6 November 2017", ("Riyadh", "SAUGOV", "SAU"), ("Tehran", "IRNGOV", "IRN"), "112", "asserted",
            "On 6 November 2017, Riyadh accused Tehran of direct military aggression.", Ties2),
        Day("e07", "2018-06-12", "12 June 2018", IrnGov, SauGov, "111", "asserted",
            "On 12 June 2018, Iran denounced Saudi policy in Yemen.", Condemn),
        Day("e08", "2019-09-14", "14 September 2019", ("Iran", "IRNMIL", "IRN"), ("Abqaiq", "SAU", "SAU"), "195", "alleged",
            "Saudi officials alleged that Iran launched the drones that struck Abqaiq on 14 September 2019.", Abqaiq),
        Day("e09", "2019-09-14", "14 September 2019", ("Saudi officials", "SAUGOV", "SAU"), IrnGov, "112", "asserted",
            "Saudi officials alleged that Iran launched the drones that struck Abqaiq on 14 September 2019.", Abqaiq),
        Day("e10", "2019-09-14", "14 September 2019", ("the Houthis", "YEMREB", "YEM"), ("Abqaiq", "SAU", "SAU"), "195", "asserted",
            "The Houthis claimed the attack on Abqaiq on 14 September 2019.", Abqaiq),
        Day("e11", "2019-09-16", "16 September 2019", ("Iran", "IRNMIL", "IRN"), ("Abqaiq", "SAU", "SAU"), "195", "denied",
            "On 16 September 2019 Tehran denied any role in the attack on Abqaiq.", Denial),
        new("e12", "2019-09-01", "2019-09-30", "2019-09", "month", "September 2019", SauGov, IrnGov, "190", "hypothetical",
            "Analysts warned in September 2019 that a war between Saudi Arabia and Iran could follow.", [Abqaiq]),
        Day("e13", "2019-09-20", "20 September 2019", ("Washington", "USAGOV", "USA"), IrnGov, "172", "asserted",
            "On 20 September 2019, Washington sanctioned Iran's central bank.", Sanctions),
        Day("e14", "2019-09-20", "20 September 2019", ("Washington", "USAGOV", "USA"), SauGov, "074", "asserted",
            "The same day it ordered troops to Saudi Arabia to protect its oil facilities.", Sanctions),
        Day("e15", "2021-04-09", "9 April 2021", ("Iraq", "IRQGOV", "IRQ"), IrnGov, "043", "asserted",
            "On 9 April 2021, Iraq hosted Iranian and Saudi officials in Baghdad.", Baghdad),
        Day("e16", "2021-04-09", "9 April 2021", ("Iraq", "IRQGOV", "IRQ"), SauGov, "043", "asserted",
            "On 9 April 2021, Iraq hosted Iranian and Saudi officials in Baghdad.", Baghdad),
        Day("e17", "2021-04-09", "9 April 2021", SauGov, IrnGov, "046", "asserted",
            "Saudi and Iranian officials held direct talks in Baghdad on 9 April 2021.", Baghdad),
        Day("e18", "2021-09-21", "21 September 2021", SauGov, IrnGov, "046", "asserted",
            "A fourth round of talks followed on 21 September 2021.", Baghdad),
        Day("e19", "2022-04-21", "21 April 2022", IrnGov, SauGov, "046", "asserted",
            "The fifth round of talks was held in Baghdad on 21 April 2022.", Rounds),
        new("e20", "2023-03-06", "2023-03-10", null, "day", "from 6 to 10 March 2023", ("China", "CHNGOV", "CHN"), IrnGov, "043", "asserted",
            "China hosted the Iranian and Saudi delegations in Beijing from 6 to 10 March 2023.", [Beijing2]),
        new("e21", "2023-03-06", "2023-03-10", null, "day", "from 6 to 10 March 2023", ("China", "CHNGOV", "CHN"), SauGov, "043", "asserted",
            "China hosted the Iranian and Saudi delegations in Beijing from 6 to 10 March 2023.", [Beijing2]),
        Day("e22", "2023-03-10", "10 March 2023", IrnGov, SauGov, "057", "asserted",
            "On 10 March 2023, Iran and Saudi Arabia signed an agreement in Beijing to restore relations.", Beijing1, Beijing2),
        Day("e23", "2023-06-17", "17 June 2023", ("Faisal bin Farhan", "SAUGOV", "SAU"), ("Tehran", "IRNGOV", "IRN"), "042", "asserted",
            "Saudi Foreign Minister Faisal bin Farhan arrived in Tehran on 17 June 2023.", Faisal),
        new("e24", null, null, null, null, null, ("Raisi", "IRNGOV", "IRN"), ("Riyadh", "SAUGOV", "SAU"), "042", "intended",
            "Raisi accepted an invitation from King Salman to visit Riyadh.", [Faisal]),
        new("e25", "2023-10-01", "2023-12-31", "2023-Q4", "quarter", "by the end of the year", SauGov, IrnGov, "061", "intended",
            "The two ministers said they would set up a joint trade committee by the end of the year.", [Faisal]),
        Day("e26", "2023-11-11", "11 November 2023", ("President Raisi", "IRNGOV", "IRN"), ("Riyadh", "SAUGOV", "SAU"), "042", "asserted",
            "President Raisi arrived in Riyadh on 11 November 2023 for a summit.", Raisi),
        new("e27", null, null, null, null, null, ("Saudi diplomats", "SAUGOV", "SAU"), ("Iranian diplomats", "IRNGOV", "IRN"), "040", "asserted",
            "Saudi and Iranian diplomats have consulted regularly.", []),
    ];

    /// <summary>The document the events were coded from (its text is the evidence sentences) and the events with offsets into it.</summary>
    public static (Document Document, IReadOnlyList<EventRow> Events) Build(Func<string, string>? rewriteSentence = null)
    {
        var text = new StringBuilder();
        var offsets = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        foreach (var spec in Specs)
        {
            string sentence = rewriteSentence?.Invoke(spec.Sentence) ?? spec.Sentence;
            if (offsets.ContainsKey(sentence)) continue;
            if (text.Length > 0) text.Append('\n');
            offsets[sentence] = (text.Length, text.Length + sentence.Length);
            sentences.Add(new Sentence(new TextSpan(text.Length, text.Length + sentence.Length), [.. spec.Sources.Select(c => c.Marker!)]));
            text.Append(sentence);
        }
        var document = new Document(DocName, DocumentFormat.Text, DocumentMetadata.Empty with { Title = "Notes on Iran and Saudi Arabia" },
            text.ToString(), sentences.ToImmutable(), [], []);
        var events = Specs.Select(spec =>
        {
            string sentence = rewriteSentence?.Invoke(spec.Sentence) ?? spec.Sentence;
            var code = Codes[spec.Cameo];
            var (start, end) = offsets[sentence];
            return new EventRow
            {
                Id = $"{DocName}#{spec.Id}",
                Doc = DocName,
                DateStart = spec.Start is null ? null : DateOnly.Parse(spec.Start, System.Globalization.CultureInfo.InvariantCulture),
                DateEnd = spec.End is null ? null : DateOnly.Parse(spec.End, System.Globalization.CultureInfo.InvariantCulture),
                DateValue = spec.Value,
                DateText = spec.DateText,
                DatePrecision = spec.Precision,
                SourceText = spec.Source.Text,
                SourceActor = spec.Source.Actor,
                SourceCountry = spec.Source.Country,
                TargetText = spec.Target?.Text,
                TargetActor = spec.Target?.Actor,
                TargetCountry = spec.Target?.Country,
                Cameo = spec.Cameo,
                Root = spec.Cameo[..2],
                Label = code.Label,
                Goldstein = code.Goldstein,
                QuadClass = code.Quad,
                Plover = code.Plover,
                Modality = spec.Modality,
                EvidenceSentence = sentence,
                EvidenceStart = start,
                EvidenceEnd = end,
                Citations = [.. spec.Sources],
                Confidence = 0.9,
                CoderVersion = "test",
                Evidences = [new EventEvidence(DocName, sentence, start, end)],
            };
        }).ToList();
        return (document, events);
    }

    /// <summary>A temporary SQLite store holding the corpus; deleted with its folder on dispose.</summary>
    public sealed class TempStore : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("dyad-analysis-").FullName;

        public TempStore(Func<string, string>? rewriteSentence = null)
        {
            Path = System.IO.Path.Combine(_dir, "corpus.db");
            var (document, events) = Build(rewriteSentence);
            using var store = EventStores.Open(StoreLocation.Sqlite(Path));
            store.AddDocument(new DocumentToStore(document, DocName, DocumentToStore.Hash(Encoding.UTF8.GetBytes(document.Text))), events, "test");
        }

        public string Path { get; }

        public string Dir => _dir;

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, recursive: true);
        }
    }
}
