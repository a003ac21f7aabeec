using System.Globalization;
using System.Text.RegularExpressions;

namespace Dyad.Tests.Actors;

/// <summary>
/// Checks the people dictionaries under data/actors/people/: six tab-separated columns, actor codes
/// of the file's own country or organisation, real dates, ordered terms, no duplicates, and no two
/// people holding the same single-holder office at once (a handover day may be shared).
/// </summary>
public sealed partial class PeopleDataTests
{
    internal const string Header = "# name\taliases\tactor\trole\tfrom\tto";

    [Fact]
    public void Every_people_file_follows_the_format()
    {
        var files = PeopleFiles();
        var problems = files.SelectMany(f => PeopleFileCheck.Check(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        Assert.Equal(Array.Empty<string>(), problems);
    }

    [Fact]
    public void A_person_has_the_same_aliases_on_every_row_of_every_file()
    {
        var files = PeopleFiles().Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        Assert.Equal(Array.Empty<string>(), PeopleFileCheck.AliasConflicts(files));
    }

    [Fact]
    public void Differing_aliases_of_one_name_are_reported_with_both_places()
    {
        (string, string)[] files =
        [
            ("abc.tsv", Header + "\nAnn Example\tA. Example\tABCGOV\tPresident of Abc\t1990\t1991\n"),
            ("xyz.tsv", Header + "\nAnn Example\tA. Example\tXYZGOV\tPresident of Xyz\t1992\t1993\n"
                + "Ann Example\t\tXYZGOV\tPrime Minister of Xyz\t1994\t1995\n"),
        ];
        Assert.Equal(["xyz.tsv:3: aliases of Ann Example are '' here but 'A. Example' at abc.tsv:2"], PeopleFileCheck.AliasConflicts(files));
    }

    [Fact]
    public void The_dictionaries_cover_the_g20_members_and_the_main_organisations()
    {
        var stems = PeopleFiles().Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet();
        string[] expected =
        [
            "arg", "aus", "bra", "can", "fra", "deu", "ind", "idn", "ita", "mex", "sau", "zaf", "tur", "gbr",
            "eur", "uno", "nato",
        ];
        Assert.Equal(Array.Empty<string>(), expected.Where(e => !stems.Contains(e)).ToArray());
    }

    [Fact]
    public void A_correct_file_has_no_problems()
    {
        const string text = Header + "\n"
            + "# comment\n"
            + "\n"
            + "Ann Example\tAnn B. Example\tXYZGOV\tPresident of Xland\t1990-05\t1995-03-02\n"
            + "Bob Example\t\tXYZGOV\tPresident of Xland\t1995-03-02\t\n"
            + "Ann Example\tAnn B. Example\tXYZGOV\tPrime Minister of Xland\t1995\t1999\n"
            + "Cid Example\t\tXYZGOV\tPrime Minister of Xland\t1999\t2001-01-01\n";
        Assert.Equal(Array.Empty<string>(), PeopleFileCheck.Check("xyz.tsv", text));
    }

    [Fact]
    public void Each_kind_of_problem_is_reported_with_file_and_line()
    {
        const string text = Header + "\n"
            + "Ann Example\t\tXYZGOV\tPresident of Xland\t1990\n"
            + "Bob Example\t\tXYZGOVX\tPresident of Xland\t1991\t1992\n"
            + "Bob Example\t\tQQQGOV\tPresident of Xland\t1991\t1992\n"
            + "Cid Example\t\tXYZGOV\tPresident of Xland\t2001-02-30\t\n"
            + "Cid Example\t\tXYZGOV\tPresident of Xland\t2001-03\t2001-01\n"
            + "Dan Example\t\tXYZGOV\tPrime Minister of Xland\t2005\t2010\n"
            + "Dan Example\t\tXYZGOV\tPrime Minister of Xland\t2005\t2010\n"
            + "Eve Example\t\tXYZGOV\tPrime Minister of Xland\t2009-06-01\t2012\n"
            + "Eve Example\t\tXYZGOV\tPrime Minister of Xland\t2011\t2013\n"
            + "Fay Example\tEve|\tXYZ\tMinister\t1990\t1991\n";
        string[] expected =
        [
            "xyz.tsv:2: expected 6 tab-separated columns, found 5",
            "xyz.tsv:3: invalid actor code 'XYZGOVX'",
            "xyz.tsv:4: actor 'QQQGOV' does not belong to file 'xyz'",
            "xyz.tsv:5: invalid from date '2001-02-30'",
            "xyz.tsv:6: from 2001-03 is after to 2001-01",
            "xyz.tsv:8: duplicate of line 7",
            "xyz.tsv:11: empty alias",
            "xyz.tsv:10: Eve Example (2011..2013) overlaps own term on line 9 as Prime Minister of Xland",
            "xyz.tsv:9: Eve Example (2009-06-01..2012) overlaps Dan Example on line 7 as Prime Minister of Xland",
        ];
        Assert.Equal(expected, PeopleFileCheck.Check("xyz.tsv", text));
    }

    [Fact]
    public void A_file_must_start_with_the_header_line()
    {
        Assert.Equal(["abc.tsv:1: first line must be the header comment"], PeopleFileCheck.Check("abc.tsv", "Ann Example\t\tABCGOV\tPresident of Abc\t1990\t1991\n"));
    }

    private static string[] PeopleFiles()
    {
        var dir = Path.Combine(TestPaths.RepoRoot, "data", "actors", "people");
        var files = Directory.GetFiles(dir, "*.tsv").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        return files;
    }
}

/// <summary>The format checks behind <see cref="PeopleDataTests"/>, one message per problem as "file:line: text".</summary>
internal static partial class PeopleFileCheck
{
    /// <summary>Organisations whose officers carry the bare organisation code.</summary>
    private static readonly HashSet<string> Organisations = ["UNO", "NATO", "EUR"];

    private static readonly HashSet<string> Roles = ["GOV", "MIL"];

    private sealed record Row(int Line, string Name, string Actor, string Role, string From, string To, TermBounds Term);

    private readonly record struct TermBounds(DateOnly FromEarliest, DateOnly FromLatest, DateOnly ToEarliest, DateOnly ToLatest);

    public static IReadOnlyList<string> Check(string fileName, string text)
    {
        var problems = new List<string>();
        var stem = Path.GetFileNameWithoutExtension(fileName).ToUpperInvariant();
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != PeopleDataTests.Header)
            problems.Add($"{fileName}:1: first line must be the header comment");

        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            void Problem(string message) => problems.Add($"{fileName}:{number}: {message}");

            var cells = line.Split('\t');
            if (cells.Length != 6)
            {
                Problem($"expected 6 tab-separated columns, found {cells.Length}");
                continue;
            }
            if (seen.TryGetValue(line, out var first))
            {
                Problem($"duplicate of line {first}");
                continue;
            }
            seen[line] = number;

            var (name, aliases, actor, role, from, to) = (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
            if (cells.Any(c => c != c.Trim())) Problem("cell with leading or trailing spaces");
            if (name.Length == 0) Problem("empty name");
            if (role.Length == 0) Problem("empty role");
            if (aliases.Length > 0)
            {
                var parts = aliases.Split('|');
                if (parts.Any(p => p.Trim().Length == 0)) Problem("empty alias");
                if (parts.Contains(name, StringComparer.Ordinal)) Problem("alias repeats the name");
            }

            var codeOk = ActorCode().Match(actor) is { Success: true } m
                && (Organisations.Contains(actor) || (m.Groups[1].Value.Length == 3 && (m.Groups[2].Value.Length == 0 || Roles.Contains(m.Groups[2].Value))));
            if (!codeOk)
            {
                Problem($"invalid actor code '{actor}'");
                continue;
            }
            var owner = Organisations.Contains(actor) ? actor : actor[..3];
            if (owner != stem) Problem($"actor '{actor}' does not belong to file '{stem.ToLowerInvariant()}'");

            var fromDate = ParseDate(from);
            var toDate = to.Length == 0 ? (DateOnly.MaxValue, DateOnly.MaxValue) : ParseDate(to);
            if (fromDate is null) Problem($"invalid from date '{from}'");
            if (toDate is null) Problem($"invalid to date '{to}'");
            if (fromDate is not { } f || toDate is not { } t) continue;
            if (f.Earliest > t.Latest)
            {
                Problem($"from {from} is after to {to}");
                continue;
            }
            rows.Add(new Row(number, name, actor, role, from, to, new TermBounds(f.Earliest, f.Latest, t.Earliest, t.Latest)));
        }

        // The same person twice in one role at once.
        foreach (var group in rows.GroupBy(r => (r.Name, r.Role)))
        {
            var list = group.ToList();
            for (var a = 0; a < list.Count; a++)
                for (var b = a + 1; b < list.Count; b++)
                    if (Overlap(list[a].Term, list[b].Term))
                        problems.Add($"{fileName}:{list[b].Line}: {Describe(list[b])} overlaps own term on line {list[a].Line} as {list[b].Role}");
        }

        // One holder of an office at a time: every role title in these files is a single-holder office.
        foreach (var group in rows.GroupBy(r => r.Role))
        {
            var list = group.OrderBy(r => r.Term.FromEarliest).ThenBy(r => r.Line).ToList();
            for (var a = 0; a < list.Count; a++)
                for (var b = a + 1; b < list.Count; b++)
                    if (list[a].Name != list[b].Name && Overlap(list[a].Term, list[b].Term))
                        problems.Add($"{fileName}:{list[b].Line}: {Describe(list[b])} overlaps {list[a].Name} on line {list[a].Line} as {list[b].Role}");
        }
        return problems;
    }

    /// <summary>One person, one alias list: a name whose aliases differ between rows is reported at each differing row.</summary>
    public static IReadOnlyList<string> AliasConflicts(IEnumerable<(string File, string Text)> files)
    {
        var problems = new List<string>();
        var first = new Dictionary<string, (string Aliases, string Place)>(StringComparer.Ordinal);
        foreach (var (file, text) in files)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var cells = line.Split('\t');
                if (cells.Length < 2) continue;
                var place = $"{file}:{i + 1}";
                if (!first.TryGetValue(cells[0], out var seen)) first[cells[0]] = (cells[1], place);
                else if (seen.Aliases != cells[1])
                    problems.Add($"{place}: aliases of {cells[0]} are '{cells[1]}' here but '{seen.Aliases}' at {seen.Place}");
            }
        }
        return problems;
    }

    private static string Describe(Row r) => $"{r.Name} ({r.From}..{r.To})";

    /// <summary>
    /// True when two terms certainly share more than a handover day, whatever days the partial dates
    /// (YYYY, YYYY-MM) stand for.
    /// </summary>
    private static bool Overlap(TermBounds a, TermBounds b)
    {
        var start = a.FromLatest > b.FromLatest ? a.FromLatest : b.FromLatest;
        var end = a.ToEarliest < b.ToEarliest ? a.ToEarliest : b.ToEarliest;
        return start < end;
    }

    private static (DateOnly Earliest, DateOnly Latest)? ParseDate(string text)
    {
        var inv = CultureInfo.InvariantCulture;
        if (YearPattern().IsMatch(text))
        {
            var y = int.Parse(text, inv);
            return y is >= 1800 and <= 2100 ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : null;
        }
        if (MonthPattern().IsMatch(text))
        {
            var y = int.Parse(text[..4], inv);
            var mo = int.Parse(text[5..], inv);
            if (y is < 1800 or > 2100 || mo is < 1 or > 12) return null;
            return (new DateOnly(y, mo, 1), new DateOnly(y, mo, DateTime.DaysInMonth(y, mo)));
        }
        if (DayPattern().IsMatch(text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d)
            && d.Year is >= 1800 and <= 2100)
            return (d, d);
        return null;
    }

    [GeneratedRegex(@"^([A-Z]{3})([A-Z]{3})?$|^[A-Z]{3,4}$")]
    private static partial Regex ActorCode();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DayPattern();
}
