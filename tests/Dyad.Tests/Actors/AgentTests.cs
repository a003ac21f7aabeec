using Dyad.Actors;

namespace Dyad.Tests.Actors;

/// <summary>Agent nouns ("police in Lima", "protesters") as the cases in data/actors/agents.cases write them.</summary>
public class AgentTests
{
    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, ReadCases().Count)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agent_nouns_are_mentions_with_the_country_their_context_gives(int index)
    {
        var (line, date, text, expected) = ReadCases()[index];
        Assert.True(expected.Length > 0, $"agents.cases:{line}: a case lists its mentions");
        Assert.Equal(expected, ActorTestKit.Dump(text, date));
    }

    [Fact]
    public void The_agent_table_gives_sectors_kinds_and_contexts()
    {
        Assert.Equal(new Agent("COP", ActorKind.Government, true, AgentContext.Place), ActorLexicon.Agents["riot police"]);
        Assert.Equal(new Agent("REF", ActorKind.Group, true, AgentContext.Named), ActorLexicon.Agents["asylum seekers"]);
        Assert.Equal(new Agent("GOV", ActorKind.Government, false, AgentContext.Place), ActorLexicon.Agents["side"]);
        Assert.Equal(Office.Foreign, ActorLexicon.Titles["secretary of state"]);
        Assert.Contains("herself", (IReadOnlySet<string>)ActorLexicon.Pronouns);
    }

    [Fact]
    public void A_malformed_lexicon_row_names_its_file_and_line()
    {
        var sector = Assert.Throws<InvalidDataException>(() => ActorLexicon.ParseAgents("agents.tsv", "# c\npolice\tcop\tgovernment\tyes\tplace\n"));
        Assert.Equal("agents.tsv:2: a sector is three capital letters: 'cop'", sector.Message);
        var hyphen = Assert.Throws<InvalidDataException>(() => ActorLexicon.ParseAgents("agents.tsv", "asylum-seekers\tREF\tgroup\tyes\tnamed\n"));
        Assert.Equal("agents.tsv:1: a phrase is written in lower case as its words are keyed (a hyphen as a space): 'asylum-seekers'", hyphen.Message);
        var context = Assert.Throws<InvalidDataException>(() => ActorLexicon.ParseAgents("agents.tsv", "police\tCOP\tgovernment\tyes\tabroad\n"));
        Assert.Equal("agents.tsv:1: context is 'place', 'subject' or 'named': 'abroad'", context.Message);
        var office = Assert.Throws<InvalidDataException>(() => ActorLexicon.ParseTitles("titles.tsv", "king\tmonarch\n"));
        Assert.Equal("titles.tsv:1: unknown office 'monarch' (head, foreign, defence, civil, military or none)", office.Message);
        var cells = Assert.Throws<InvalidDataException>(() => ActorLexicon.ParseWords("words.tsv", "pronouns\the\tshe\n"));
        Assert.Equal("words.tsv:1: expected 2 tab-separated cells, found 3", cells.Message);
    }

    [Fact]
    public void A_place_named_twice_for_two_countries_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PlaceNames.Parse("places.tsv", "UKR\tKharkiv\nRUS\tKharkiv\n"));
        Assert.Equal("places.tsv:2: 'Kharkiv' is already a place of UKR", error.Message);
    }

    private static List<(int Line, DateOnly Date, string Text, string[] Expected)> ReadCases()
    {
        var cases = new List<(int, DateOnly, string, string[])>();
        var lines = File.ReadAllLines(TestPaths.Data("actors", "agents.cases"));
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("@ ", StringComparison.Ordinal)) continue;
            var date = DateOnly.ParseExact(lines[i][2..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var expected = lines.Skip(i + 2).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
            cases.Add((i + 1, date, lines[i + 1], expected));
        }
        return cases;
    }
}
