// Minimal version of the Actors stage contract: a small built-in dictionary of states,
// capitals, demonyms, international bodies and leaders, plus pronoun coreference to the last
// person named. The full Actors stage replaces this file with the same public members.
using System.Collections.Frozen;
using System.Collections.Immutable;
using Dyad.Documents;

namespace Dyad.Actors;

public enum ActorKind { State, Government, Military, Igo, Party, Company, ArmedGroup, Person, Place, Group }

public enum MentionVia { Dictionary, Coreference, Demonym, Metonym, Inferred }

public sealed record ActorMention(TextSpan Span, string Text, string? Actor, string? Country,
    ActorKind Kind, string? Name, string? Role, MentionVia Via);

/// <summary>A dictionary entry: the words that name an actor, and who it is.</summary>
internal sealed record ActorEntry(string[] Words, string? Actor, string? Country, ActorKind Kind, string? Name, string? Role, MentionVia Via, bool CaseSensitive);

public sealed class ActorDictionary
{
    private static readonly Lazy<ActorDictionary> Lazy = new(Build);

    private ActorDictionary(FrozenDictionary<string, ImmutableArray<ActorEntry>> byFirst) => ByFirst = byFirst;

    public static ActorDictionary Default => Lazy.Value;

    internal FrozenDictionary<string, ImmutableArray<ActorEntry>> ByFirst { get; }

    // country code | names | capital (and other seats of government) | demonyms
    private const string States = """
        RUS|Russia;Russian Federation;RF|Moscow;Kremlin|Russian;Russians
        SUN|Soviet Union;USSR;U.S.S.R.|-|Soviet;Soviets
        PRK|North Korea;DPRK;Democratic People's Republic of Korea;the North;N. Korea|Pyongyang|North Korean;North Koreans
        KOR|South Korea;Republic of Korea;ROK|Seoul|South Korean;South Koreans
        CHN|China;People's Republic of China;PRC|Beijing|Chinese
        USA|United States of America;United States;U.S.;US;USA;America|Washington;White House;Pentagon;Congress|American;Americans;US
        JPN|Japan|Tokyo|Japanese
        GBR|Britain;United Kingdom;UK;Great Britain|London|British
        FRA|France|Paris|French
        DEU|Germany;West Germany;East Germany|Berlin;Bonn|German;Germans;West German
        ITA|Italy|Rome|Italian
        IND|India|New Delhi;Delhi|Indian
        PAK|Pakistan;East Pakistan|Islamabad|Pakistani
        IRN|Iran|Tehran|Iranian;Iranians
        IRQ|Iraq|Baghdad|Iraqi
        ISR|Israel|Jerusalem;Tel Aviv|Israeli;Israelis
        PSE|Palestine;PLO;Hamas;Palestinian Authority|Ramallah;Gaza|Palestinian;Palestinians
        EGY|Egypt|Cairo|Egyptian
        SYR|Syria|Damascus|Syrian
        JOR|Jordan|Amman|Jordanian
        LBN|Lebanon;Hezbollah|Beirut|Lebanese
        SAU|Saudi Arabia|Riyadh|Saudi
        ARE|United Arab Emirates;UAE|Abu Dhabi|Emirati
        BHR|Bahrain|Manama|Bahraini
        QAT|Qatar|Doha|Qatari
        KWT|Kuwait|-|Kuwaiti
        YEM|Yemen;Houthis;Houthi rebels;Houthi|Sanaa|Yemeni
        TUR|Turkey;Turkiye|Ankara|Turkish
        UKR|Ukraine|Kyiv;Kiev|Ukrainian;Ukrainians
        BLR|Belarus|Minsk|Belarusian
        POL|Poland|Warsaw|Polish
        HUN|Hungary|Budapest|Hungarian;Hungarians
        CZE|Czechoslovakia;Czech Republic|Prague|Czech;Czechoslovak
        ROU|Romania|Bucharest|Romanian
        LTU|Lithuania|Vilnius|Lithuanian;Lithuanians
        LVA|Latvia|Riga|Latvian
        FIN|Finland|Helsinki|Finnish
        SWE|Sweden|Stockholm|Swedish
        NLD|Netherlands|The Hague;Amsterdam|Dutch
        BEL|Belgium|Brussels|Belgian
        GRC|Greece|Athens|Greek
        CYP|Cyprus|Nicosia|Cypriot
        SRB|Yugoslavia;Serbia|Belgrade|Serbian;Yugoslav
        BIH|Bosnia;Bosnia and Herzegovina|Sarajevo|Bosnian;Bosnian Serb
        GEO|Georgia|Tbilisi|Georgian
        ARM|Armenia|Yerevan|Armenian
        AZE|Azerbaijan|Baku|Azerbaijani
        AFG|Afghanistan;Taliban|Kabul|Afghan
        VNM|Vietnam;North Vietnam;Viet Minh|Hanoi;Saigon|Vietnamese;North Vietnamese
        KHM|Cambodia|Phnom Penh|Cambodian
        MMR|Myanmar;Burma|Naypyidaw;Rangoon|Burmese
        IDN|Indonesia|Jakarta|Indonesian
        PHL|Philippines|Manila|Philippine;Filipino
        MYS|Malaysia|Kuala Lumpur|Malaysian
        TWN|Taiwan|Taipei|Taiwanese
        AUS|Australia|Canberra|Australian
        CAN|Canada|Ottawa|Canadian;Canadians
        MEX|Mexico|Mexico City|Mexican
        CUB|Cuba|Havana|Cuban
        VEN|Venezuela|Caracas|Venezuelan
        ARG|Argentina|Buenos Aires|Argentine;Argentinian
        PAN|Panama|-|Panamanian
        GRD|Grenada|-|Grenadian
        BRA|Brazil|Brasilia|Brazilian
        ZAF|South Africa|Pretoria|South African
        NGA|Nigeria;Boko Haram|Abuja|Nigerian
        ETH|Ethiopia|Addis Ababa|Ethiopian
        ERI|Eritrea|Asmara|Eritrean
        SDN|Sudan|Khartoum|Sudanese
        SSD|South Sudan|Juba|South Sudanese
        LBY|Libya|Tripoli|Libyan
        RWA|Rwanda|Kigali|Rwandan;Hutu
        SOM|Somalia|Mogadishu|Somali
        """;

    // country | places named with events (cities, regions, islands)
    private const string Places = """
        RUS|Vladivostok;Vostochny;Vostochny Cosmodrome;Ulan-Ude;Sverdlovsk;Komsomolsk-on-Amur;Amur;Primorye;Beslan;Chechnya;Sochi;Far East
        UKR|Crimea;Donetsk;Luhansk;Kharkiv;Mariupol;Odesa;Odessa;Donbas
        GEO|Abkhazia;South Ossetia
        DEU|West Berlin;East Berlin
        EGY|Sinai;Sinai Peninsula;Suez Canal;Suez
        SYR|Golan Heights;Aleppo
        GBR|Falkland Islands;Falklands
        JPN|Hiroshima;Nagasaki;Okinawa;Senkaku Islands;Senkakus
        CHN|Manchuria;Hong Kong;Dalian;Xinjiang;Tibet
        IRQ|Halabja;Basra;Mosul
        BIH|Srebrenica
        LBY|Benghazi
        IND|Mumbai;Kashmir;Kargil
        KOR|Yeonpyeong;Yeonpyeong Island;Panmunjom
        PRK|Kaesong;Chosin Reservoir
        AZE|Nagorno-Karabakh
        NGA|Chibok
        MMR|Rakhine
        VNM|Saigon
        CUB|Bay of Pigs
        PSE|West Bank;Gaza Strip
        |Taiwan Strait;Sea of Japan;Strait of Hormuz;Red Sea;South China Sea;Gulf of Oman;South Atlantic;Black Sea;Korean Peninsula
        """;

    // actor code | country | kind | names
    private const string Bodies = """
        UNO|UNO|Igo|United Nations;UN;U.N.;UN Security Council;United Nations Security Council;U.N. Security Council;Security Council;UNSC;General Assembly;UN General Assembly;Human Rights Council;UN Human Rights Council;IAEA;International Criminal Court;World Bank;UN Secretary-General;United Nations Command
        NATO|NATO|Igo|NATO;North Atlantic Treaty Organization
        SUNMIL|SUN|Igo|Warsaw Pact
        EUR|EUR|Group|European;Europeans;European states
        EUR|EUR|Igo|European Union;EU;E.U.
        AFR|AFR|Igo|African Union
        ASN|ASN|Igo|ASEAN
        ARL|ARL|Igo|Arab League;Arab oil producers
        RUSMIL|RUS|ArmedGroup|Wagner Group;Wagner
        RUSMIL|RUS|ArmedGroup|Chechen militants
        PRKGOV|PRK|Party|Workers' Party of Korea;Political Bureau
        CHNBUS|CHN|Company|Huawei
        IMGMUS||ArmedGroup|Islamic State;ISIS
        """;

    // actor | name | aliases
    private const string People = """
        RUSGOV|Vladimir Putin|Putin
        RUSGOV|Dmitry Medvedev|Medvedev
        RUSMIL|Sergey Shoigu|Sergei Shoigu;Shoigu
        RUSGOV|Sergey Lavrov|Sergei Lavrov;Lavrov
        RUSGOV|Alexander Kozlov|Kozlov
        RUSOPP|Alexei Navalny|Navalny
        SUNGOV|Nikita Khrushchev|Khrushchev
        SUNGOV|Mikhail Gorbachev|Gorbachev
        SUNGOV|Joseph Stalin|Stalin
        SUNGOV|Leonid Brezhnev|Brezhnev
        SUNGOV|Alexei Kosygin|Kosygin
        PRKGOV|Kim Jong-Un|Kim Jong Un;Kim Jong-un;Kim
        PRKGOV|Kim Jong-Il|Kim Jong Il
        PRKGOV|Kim Il-Sung|Kim Il Sung
        PRKGOV|Kim Yo-Jong|Kim Yo Jong
        PRKELI|Kim Jong-Nam|Kim Jong Nam
        KORGOV|Moon Jae-in|Moon
        KORGOV|Kim Dae-jung|Kim Dae-Jung
        KORGOV|Roh Moo-hyun|Roh
        CHNGOV|Xi Jinping|Xi
        CHNGOV|Mao Zedong|Mao
        CHNGOV|Li Hongzhong|
        USAGOV|John F. Kennedy|Kennedy
        USAGOV|Richard Nixon|Nixon
        USAGOV|Henry Kissinger|Kissinger
        USAGOV|Jimmy Carter|Carter
        USAGOV|Ronald Reagan|Reagan
        USAGOV|Dwight Eisenhower|Eisenhower
        USAGOV|Harry Truman|Truman
        USAGOV|Barack Obama|Obama
        USAGOV|Donald Trump|Trump
        USAGOV|Joe Biden|Biden
        USAGOV|George W. Bush|Bush
        USAGOV|Nancy Pelosi|Pelosi
        JPNGOV|Junichiro Koizumi|Koizumi
        JPNGOV|Shinzo Abe|Abe
        JPNGOV|Fumio Kishida|Kishida
        JPNGOV|Keizo Obuchi|Obuchi
        EGYGOV|Anwar Sadat|Sadat
        ISRGOV|Menachem Begin|Begin
        UKRGOV|Volodymyr Zelensky|Zelensky
        DEUGOV|Willy Brandt|Brandt
        MMRELI|Aung San Suu Kyi|Suu Kyi
        IRNMIL|Qassem Soleimani|Soleimani
        SYRGOV|Bashar al-Assad|Assad
        TURGOV|Recep Tayyip Erdogan|Erdogan
        """;

    internal static readonly FrozenSet<string> GovernmentNouns = FrozenSet.ToFrozenSet(
        ["government", "governments", "officials", "official", "authorities", "diplomats", "diplomat", "delegation", "delegations",
         "embassy", "president", "leader", "leaders", "leadership", "minister", "ministry", "premier", "chancellor", "envoy",
         "ambassador", "state", "regime", "administration", "prime", "foreign", "negotiators", "police", "agents", "state-media",
         "media", "side", "parliament", "court", "intelligence"], StringComparer.OrdinalIgnoreCase);

    internal static readonly FrozenSet<string> MilitaryNouns = FrozenSet.ToFrozenSet(
        ["forces", "force", "troops", "soldiers", "military", "army", "navy", "jets", "aircraft", "warplanes", "warships",
         "fighter", "fighters", "bomber", "bombers", "boats", "submarine", "artillery", "tanks", "missiles", "missile", "drone",
         "drones", "vessel", "defence", "defense", "guards", "coast", "militias", "militants", "commanders", "destroyer", "marines"],
        StringComparer.OrdinalIgnoreCase);

    private static ActorDictionary Build()
    {
        var entries = new List<ActorEntry>();
        foreach (var line in Lines(States))
        {
            var f = line.Split('|');
            string iso = f[0];
            foreach (var n in Names(f[1])) entries.Add(Entry(n, iso, iso, ActorKind.State, n, null, MentionVia.Dictionary));
            foreach (var n in Names(f[2])) entries.Add(Entry(n, iso + "GOV", iso, ActorKind.Government, n, null, MentionVia.Metonym));
            foreach (var n in Names(f[3])) entries.Add(Entry(n, iso, iso, ActorKind.Group, n, null, MentionVia.Demonym));
        }
        foreach (var line in Lines(Places))
        {
            var f = line.Split('|');
            foreach (var n in Names(f[1])) entries.Add(Entry(n, null, f[0].Length == 0 ? null : f[0], ActorKind.Place, n, null, MentionVia.Dictionary));
        }
        foreach (var line in Lines(Bodies))
        {
            var f = line.Split('|');
            var kind = Enum.Parse<ActorKind>(f[2]);
            foreach (var n in Names(f[3])) entries.Add(Entry(n, f[0], f[1].Length == 0 ? null : f[1], kind, n, null, MentionVia.Dictionary));
        }
        foreach (var line in Lines(People))
        {
            var f = line.Split('|');
            string country = f[0][..3];
            entries.Add(Entry(f[1], f[0], country, ActorKind.Person, f[1], null, MentionVia.Dictionary));
            foreach (var n in Names(f[2])) entries.Add(Entry(n, f[0], country, ActorKind.Person, f[1], null, MentionVia.Dictionary));
        }
        var byFirst = entries.GroupBy(e => e.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
        return new ActorDictionary(byFirst);
    }

    private static IEnumerable<string> Lines(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> Names(string field) =>
        field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n != "-");

    private static ActorEntry Entry(string name, string? actor, string? country, ActorKind kind, string? full, string? role, MentionVia via)
    {
        var words = ActorRecognizer.Words(name).Select(w => name.Substring(w.Start, w.Length)).ToArray();
        bool caseSensitive = name.Length <= 4 && name.All(c => !char.IsLetter(c) || char.IsUpper(c));
        return new ActorEntry(words, actor, country, kind, full, role, via, caseSensitive);
    }
}

/// <summary>Finds actor mentions by dictionary, demonym + role noun, and pronoun coreference.</summary>
public sealed class ActorRecognizer
{
    private static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
        ["President", "Prime", "Minister", "Foreign", "Defence", "Defense", "Supreme", "Leader", "Chancellor", "General",
         "Secretary", "Speaker", "House", "Premier", "Chairman", "Former", "former", "leader", "Natural", "Resources",
         "Vice", "Opposition", "opposition", "FM", "Marshal", "Dr", "Mr", "Ms", "Mrs", "US", "general", "commander", "Commander", "dissident", "Chief", "Admiral"],
        StringComparer.Ordinal);

    private readonly ActorDictionary _dictionary;

    public ActorRecognizer(ActorDictionary dictionary) => _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));

    internal static List<TextSpan> Words(string text)
    {
        var words = new List<TextSpan>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                int s = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i])
                    || ((text[i] is '.' or '\'' or '’') && i + 1 < text.Length && char.IsLetter(text[i + 1])
                        && !(text[i] is '\'' or '’' && i + 1 < text.Length && text[i + 1] is 's' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2]))))))
                    i++;
                if (i < text.Length && text[i] == '.' && i - s <= 3 && s + 1 < i && text[s..i].Contains('.')) i++;
                words.Add(new TextSpan(s, i));
            }
            else i++;
        }
        return words;
    }

    public ImmutableArray<ActorMention> Recognize(string text, ImmutableArray<TextSpan> sentences,
        Func<int, DateOnly?> dateAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        var found = new List<ActorMention>();
        for (int i = 0; i < words.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string w = words[i].Slice(text);
            if (!_dictionary.ByFirst.TryGetValue(w, out var candidates)) continue;
            foreach (var entry in candidates)
            {
                if (!Matches(text, words, i, entry)) continue;
                int last = i + entry.Words.Length - 1;
                if (words[last].End < text.Length && (text[words[last].End] == '$' || text[words[last].End] == '\\' && words[last].End + 1 < text.Length && text[words[last].End + 1] == '$')) continue; // "US$ 11 billion"
                if (last + 1 < words.Count && words[last + 1].Start == words[last].End + 1 && text[words[last].End] == '-'
                    && words[last + 1].Slice(text).ToLowerInvariant() is "era" or "style" or "backed" or "led" or "drafted" or "made" or "compatible" or "based" or "supported" or "sponsored" or "funded" or "brokered")
                    continue; // "Soviet-era arms", "Russia-backed republics"

                if (entry.Words[^1] == "North" && last + 1 < words.Count && char.IsUpper(text[words[last + 1].Start])) continue;
                var span = new TextSpan(words[i].Start, words[last].End);
                if (entry.Via == MentionVia.Demonym)
                {
                    // "Russian Defence Minister", "North Korean forces": extend over role nouns.
                    int j = last + 1;
                    string? actor = null;
                    var kind = ActorKind.Group;
                    while (j < words.Count && j <= last + 3 && IsAdjacent(text, words[j - 1], words[j]))
                    {
                        string next = words[j].Slice(text);
                        if (ActorDictionary.MilitaryNouns.Contains(next)) { actor = entry.Country + "MIL"; kind = ActorKind.Military; span = new TextSpan(span.Start, words[j].End); }
                        else if (ActorDictionary.GovernmentNouns.Contains(next)) { actor ??= entry.Country + "GOV"; if (kind != ActorKind.Military) kind = ActorKind.Government; span = new TextSpan(span.Start, words[j].End); }
                        else if (!char.IsUpper(next[0]) && next is not ("state" or "naval" or "military" or "foreign" or "defence" or "coast" or "border" or "private")) break;
                        j++;
                    }
                    found.Add(new ActorMention(span, span.Slice(text), actor ?? entry.Country, entry.Country, kind, entry.Name, null, MentionVia.Demonym));
                }
                else
                {
                    found.Add(new ActorMention(span, span.Slice(text), entry.Actor, entry.Country, entry.Kind, entry.Name, entry.Role, entry.Via));
                }
                i = last;
                break;
            }
        }
        // Before the Soviet Union dissolved, Moscow and "Russian" stand for it.
        for (int k = 0; k < found.Count; k++)
        {
            var m = found[k];
            if (m.Country == "RUS" && m.Kind != ActorKind.Person && m.Kind != ActorKind.Place && dateAt(m.Span.Start) is { } d && d < new DateOnly(1991, 12, 26))
                found[k] = m with { Country = "SUN", Actor = "SUN" + m.Actor?[3..] };
        }
        var merged = MergeTitles(text, words, found);
        return Coreference(text, words, merged, sentences);
    }

    private static bool IsAdjacent(string text, TextSpan a, TextSpan b)
    {
        for (int k = a.End; k < b.Start; k++) if (!char.IsWhiteSpace(text[k]) && text[k] != '-') return false;
        return true;
    }

    private static bool Matches(string text, List<TextSpan> words, int i, ActorEntry entry)
    {
        if (i + entry.Words.Length > words.Count) return false;
        for (int k = 0; k < entry.Words.Length; k++)
        {
            string w = words[i + k].Slice(text);
            if (!string.Equals(w, entry.Words[k], entry.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)) return false;
            if (!entry.CaseSensitive && char.IsLetter(w[0]) && !char.IsUpper(w[0]) && char.IsUpper(entry.Words[k][0]) && k == 0
                && entry.Words[k] is not ("the")) return false;
            if (k > 0 && !IsAdjacent(text, words[i + k - 1], words[i + k])) return false;
        }
        return true;
    }

    // "Russian President Vladimir Putin", "Russia's Defence Minister Sergey Shoigu": one mention of the person.
    private static List<ActorMention> MergeTitles(string text, List<TextSpan> words, List<ActorMention> found)
    {
        var result = new List<ActorMention>();
        for (int k = 0; k < found.Count; k++)
        {
            var m = found[k];
            if (m.Kind != ActorKind.Person)
            {
                result.Add(m);
                continue;
            }
            int start = m.Span.Start;
            int wi = words.FindIndex(w => w.Start == start);
            while (wi > 0 && Titles.Contains(words[wi - 1].Slice(text)) && IsAdjacent(text, words[wi - 1], words[wi])) { wi--; start = words[wi].Start; }
            if (result.Count > 0 && result[^1].Kind is ActorKind.Group or ActorKind.State or ActorKind.Government or ActorKind.Military
                && result[^1].Country == m.Country && (result[^1].Span.End >= start || Between(text, result[^1].Span.End, start) is "" or "'s" or "’s"))
            {
                start = Math.Min(start, result[^1].Span.Start);
                result.RemoveAt(result.Count - 1);
            }
            var span = new TextSpan(start, m.Span.End);
            while (result.Count > 0 && result[^1].Span.Start >= span.Start) result.RemoveAt(result.Count - 1);
            result.Add(m with { Span = span, Text = span.Slice(text) });
        }
        return result;
    }

    private static string Between(string text, int a, int b) => a <= b ? text[a..b].Trim() : "?";

    private static ImmutableArray<ActorMention> Coreference(string text, List<TextSpan> words, List<ActorMention> found, ImmutableArray<TextSpan> sentences)
    {
        var result = new List<ActorMention>(found);
        int f = 0;
        ActorMention? lastPerson = null, previousPerson = null;
        for (int i = 0; i < words.Count; i++)
        {
            while (f < found.Count && found[f].Span.End <= words[i].Start)
            {
                if (found[f].Kind == ActorKind.Person && found[f].Actor != lastPerson?.Actor)
                {
                    previousPerson = lastPerson;
                    lastPerson = found[f];
                }
                f++;
            }
            string w = words[i].Slice(text);
            if (w is "he" or "He" or "his" or "His" or "him" && lastPerson is not null)
            {
                result.Add(lastPerson with { Span = words[i], Text = w, Via = MentionVia.Coreference });
            }
            else if ((w is "the" or "The") && i + 2 < words.Count && words[i + 1].Slice(text) == "two" && words[i + 2].Slice(text) is "leaders" or "sides"
                && lastPerson is not null && previousPerson is not null)
            {
                var span = new TextSpan(words[i].Start, words[i + 2].End);
                result.Add(previousPerson with { Span = span, Text = span.Slice(text), Via = MentionVia.Coreference });
                result.Add(lastPerson with { Span = span, Text = span.Slice(text), Via = MentionVia.Coreference });
                i += 2;
            }
            else if ((w is "the" or "The") && i + 1 < words.Count && words[i + 1].Slice(text) is "latter" or "former"
                && lastPerson is not null && previousPerson is not null)
            {
                var span = new TextSpan(words[i].Start, words[i + 1].End);
                var who = words[i + 1].Slice(text) == "latter" ? lastPerson : previousPerson;
                result.Add(who with { Span = span, Text = span.Slice(text), Via = MentionVia.Coreference });
                i += 1;
            }
        }
        _ = sentences;
        return [.. result.OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End)];
    }
}
