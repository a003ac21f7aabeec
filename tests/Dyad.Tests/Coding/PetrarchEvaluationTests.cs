using Dyad.Coding;
using Dyad.Coding.Evaluation;
using Xunit;

namespace Dyad.Tests.Coding;

/// <summary>
/// The reader of PETRARCH's unit-test records, on records written here, and the floors Dyad keeps on the
/// real records (../shared/reference/petrarch-unit-tests/, read from there and never copied into the
/// repository). The floors are the scores reached; they only rise.
/// </summary>
public sealed class PetrarchEvaluationTests
{
    internal static string Folder => Path.Combine(TestPaths.Reference, "petrarch-unit-tests");

    private const string Records = """
        <Validation>
        <Environment><Verbfile>v.txt</Verbfile></Environment>
        <Sentences>
        <Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
        <!-- two codings -->
        <EventCoding sourcecode="ZED" targetcode="ARNGOV" eventcode="064"></EventCoding>
        <EventCoding sourcecode="---GOV" targetcode="---" eventcode="903"></EventCoding>
        <Text>
        Zedland is about to restore
           diplomatic ties with Arnor.
        </Text>
        <Parse>(ROOT (S (NP (NNP Zedland))))</Parse>
        </Sentence>
        <Config option="new_actor_length" value="4"></Config>
        <Sentence date = "20080801" id ="T-02"  category="ERROR" sentence="true">
        <EventCoding noevents = "True"></EventCoding>
        <Text>Zedland won the cup.</Text>
        </Sentence>
        <Sentence date="19950101" id="T-03" category="ERROR" sentence="true">
        <EventCoding error="storydiscard"></EventCoding>
        <Text>A typhoon hit Zedland.</Text>
        </Sentence>
        <Sentence date="19950101" id="T-04" category="ERROR" sentence="true">
        <EventCoding error="bad_input_parse"></EventCoding>
        <Text>Zedland met Arnor.</Text>
        </Sentence>
        <Sentence date="19950101" id="T-05" category="DEMO" sentence="false">
        <EventCoding sourcecode="ZED" targetcode="ARN" eventcode="064"></EventCoding>
        <Text>Zedland restored ties with Arnor.</Text>
        </Sentence>
        <Sentence date="19950101" id="T-06" category="PATTERN" sentence="true">
        <Text>Zedland was in an accord with a parade.</Text>
        </Sentence>
        </Sentences>
        </Validation>
        """;

    [Fact]
    public void Reads_records_their_codings_and_what_they_expect()
    {
        var records = PetrarchEvaluation.ParseRecords("t.xml", Records);
        Assert.Equal(["T-01", "T-02", "T-03", "T-04", "T-05", "T-06"], records.Select(r => r.Id));
        var first = records[0];
        Assert.Equal(("DEMO", new DateOnly(1995, 1, 1), "Zedland is about to restore diplomatic ties with Arnor.", 4), (first.Category, first.Date, first.Text, first.Line));
        Assert.Equal([new PetrarchCoding("ZED", "ARNGOV", "064"), new PetrarchCoding("---GOV", "---", "903")], first.Codings.ToArray());
        Assert.False(first.ExpectsNoEvent);
        Assert.Null(first.Skip);
        // noevents, a discard, a broken parse tree and a record without codings expect nothing; the parse tree and
        // sentence="false" records are skipped
        Assert.Equal([false, true, true, true, false, true], records.Select(r => r.ExpectsNoEvent));
        Assert.Equal([null, null, null, "tests a malformed parse tree, which Dyad does not read", "marked sentence=\"false\": not implemented in PETRARCH", null], records.Select(r => r.Skip));
        Assert.Equal(new DateOnly(2008, 8, 1), records[1].Date);
    }

    [Theory]
    [InlineData("<Validation><Sentence id=\"A\" category=\"X\"><Text>t</Text></Sentence></Validation>", "t.xml:1: <Sentence> without a date=\"...\"")]
    [InlineData("<Validation><Sentence id=\"A\" date=\"1995-01-01\" category=\"X\"><Text>t</Text></Sentence></Validation>", "t.xml:1: A: date '1995-01-01' is not yyyymmdd")]
    [InlineData("<Validation><Sentence id=\"A\" date=\"19950101\" category=\"X\"></Sentence></Validation>", "t.xml:1: A: no <Text>")]
    [InlineData("<Validation><Sentence id=\"A\" date=\"19950101\" category=\"X\"><EventCoding sourcecode=\"ZED\" eventcode=\"010\"/><Text>t</Text></Sentence></Validation>", "t.xml:1: A: <EventCoding> without targetcode")]
    [InlineData("<Validation></Validation>", "t.xml: no <Sentence> records")]
    public void Rejects_malformed_records_with_where_and_why(string xml, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => PetrarchEvaluation.ParseRecords("t.xml", xml));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Rejects_text_that_is_not_xml()
    {
        var e = Assert.Throws<InvalidDataException>(() => PetrarchEvaluation.ParseRecords("t.xml", "<Validation><Sentence"));
        Assert.StartsWith("t.xml: not well-formed XML: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codings_Dyad_cannot_produce_are_named()
    {
        var cameo = CameoOntology.Default;
        Assert.Null(PetrarchEvaluation.Unscored(new PetrarchCoding("ZED", "---", "064"), cameo));
        Assert.Equal("event code outside CAMEO", PetrarchEvaluation.Unscored(new PetrarchCoding("ZED", "ARN", "903"), cameo));
        Assert.Equal("TABARI discard code ###", PetrarchEvaluation.Unscored(new PetrarchCoding("###", "ARN", "023"), cameo));
        Assert.Equal("actor made from a noun phrase", PetrarchEvaluation.Unscored(new PetrarchCoding("\"INJURY TOLL\"", "ARN", "223"), cameo));
    }

    [Fact]
    public void Actor_codes_compare_by_state_as_Dyad_reads_them()
    {
        Assert.Equal(["DAG", null, "UNO", "SUN", "NGO"], new[] { "DAGCOP", "---GOV", "IGOUNO", "USR", "NGO" }.Select(PetrarchEvaluation.State));
        Assert.Equal("DAG", PetrarchEvaluation.StateOf(new EventActor("Dagolath", "DAG", "DAG")));
        Assert.Equal("NGO", PetrarchEvaluation.StateOf(new EventActor("the Red Cross", "NGO", null)));
        Assert.Null(PetrarchEvaluation.StateOf(new EventActor("police", "COP", null)));
        Assert.Equal(["---", "---COP", "DAGCOP"], new[] { null, new EventActor("police", "COP", null), new EventActor("Dagolathi police", "DAGCOP", "DAG") }.Select(PetrarchEvaluation.CodeOf));
    }

    // Each variant of the trigger table, with and without PETRARCH's agents, and its floors: root + states F1,
    // full code + states F1, exact actor-code agreement on matched events, and the most spurious events in the
    // no-event records.
    [PetrarchDataTheory]
    // Set where the evaluation met the names-in-context actor stage and the later coder (before: alone 0.410 / 0.374,
    // first 0.359, added 0.152, measured on the branch the evaluation was written on, without them).
    [InlineData(PetrarchVerbs.Alone, true, 0.390, 0.353, 0.920, 9)]
    [InlineData(PetrarchVerbs.Alone, false, 0.390, 0.353, 0.894, 9)]
    [InlineData(PetrarchVerbs.First, true, 0.340, 0.307, 0.918, 13)]
    [InlineData(PetrarchVerbs.Added, true, 0.155, 0.108, 0.911, 13)]
    public void Unit_test_records_keep_their_floors(PetrarchVerbs verbs, bool agents, double root, double full, double exact, int spurious)
    {
        var s = PetrarchEvaluation.Score(PetrarchEvaluation.Load(Folder), verbs, agents);
        Assert.Equal((284, 204, 25, 80, 273), (s.Records, s.Events.Blocks, s.Events.EmptyBlocks, s.Skipped.Length, s.Events.Root.Expected));
        Assert.True(s.Events.Root.F1 >= root, $"root + states F1 {s.Events.Root.F1:0.000} < {root:0.000}");
        Assert.True(s.Events.FullCode.F1 >= full, $"full code + states F1 {s.Events.FullCode.F1:0.000} < {full:0.000}");
        Assert.True(s.ExactActors.Recall >= exact, $"exact actor codes {s.ExactActors.Recall:0.000} < {exact:0.000}");
        Assert.True(s.Events.SpuriousInEmptyBlocks <= spurious, $"{s.Events.SpuriousInEmptyBlocks} spurious events > {spurious}");
    }

    [PetrarchDataFact]
    public void Eval_command_prints_the_scores_and_the_errors()
    {
        var result = CliRunner.Run("eval", "petrarch", "--errors");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.Split('\n');
        Assert.Equal("petrarch unit tests: 284 records, 204 scored (25 expecting no event), 80 skipped", lines[0]);
        Assert.StartsWith("verbs: PETR.Validate.verbs.txt alone (", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("; actors: PETR.Validate.actors.txt and PETR.Validate.agents.txt alone (13 diagnostics)", lines[1], StringComparison.Ordinal);
        Assert.Equal("expected codings: 273 scored, 79 not scored (2 TABARI discard code ###, 5 actor made from a noun phrase, 72 event code outside CAMEO)", lines[2]);
        Assert.Matches(@"^root \+ source/target states     P 0\.\d{3}  R 0\.\d{3}  F1 0\.\d{3}  \(\d+/\d+ predicted, \d+/273 expected\)$", lines[3]);
        Assert.Contains("by category (root + states):", lines);
        Assert.Contains(lines, l => l.StartsWith("   MISS  ", StringComparison.Ordinal));
        Assert.Contains("DEMO-04 (DEMO, line 245)  skipped: marked sentence=\"false\": not implemented in PETRARCH", lines);
    }

    [Fact]
    public void Eval_command_names_a_missing_folder_or_file()
    {
        var missing = CliRunner.Run("eval", "petrarch", "--data", "no-such-folder");
        Assert.Equal((1, "dyad: no-such-folder: no such folder\n"), (missing.ExitCode, missing.Error));
        string folder = Directory.CreateTempSubdirectory("dyad-petrarch-").FullName;
        try
        {
            var empty = CliRunner.Run("eval", "petrarch", "--data", folder);
            Assert.Equal((1, $"dyad: {Path.Combine(folder, "PETR.UnitTest.records.xml")}: no such file\n"), (empty.ExitCode, empty.Error));
            File.WriteAllText(Path.Combine(folder, "PETR.UnitTest.records.xml"), "<Validation></Validation>");
            var bad = CliRunner.Run("eval", "petrarch", "--data", folder);
            Assert.Equal((1, $"dyad: {Path.Combine(folder, "PETR.UnitTest.records.xml")}: no <Sentence> records\n"), (bad.ExitCode, bad.Error));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>A fact that is skipped, with a message, when PETRARCH's unit-test records are not beside the checkout.</summary>
internal sealed class PetrarchDataFactAttribute() : ReferenceDataFactAttribute(PetrarchEvaluationTests.Folder, "PETRARCH unit-test records");

/// <summary>A theory that is skipped, with a message, when PETRARCH's unit-test records are not beside the checkout.</summary>
internal sealed class PetrarchDataTheoryAttribute() : ReferenceDataTheoryAttribute(PetrarchEvaluationTests.Folder, "PETRARCH unit-test records");
