namespace Dyad.Tests.Actors;

/// <summary>Pronouns and descriptions that stand for groups and states named before: "they", "them", "it", "the group", "the country".</summary>
public class GroupCoreferenceTests
{
    private static string[] Dump(string text) => ActorTestKit.Dump(text, new DateOnly(2023, 10, 10));

    [Fact]
    public void Them_is_the_group_that_was_the_subject_before()
    {
        Assert.Equal(
        [
            "Protesters PERCVL/PER group agent",
            "Lima PER/PER place dictionary",
            "Police PERCOP/PER government agent",
            "them PERCVL/PER group coreference",
        ], Dump("Protesters blocked roads in Lima. Police fired tear gas at them."));
    }

    [Fact]
    public void It_opening_a_sentence_is_the_state_or_group_that_was_the_subject_before()
    {
        Assert.Equal(
        [
            "Iran IRN/IRN state dictionary",
            "UN UNO/UNO igo dictionary",
            "it IRN/IRN state coreference",
        ], Dump("Iran suspended its cooperation with the UN watchdog in July. A month later, it allowed inspectors back."));
        // "it" inside a clause is left to the event coder, which reads the sentence's own structure
        Assert.Equal(["Iran IRN/IRN state dictionary"], Dump("Iran said the plan was dead. The talks failed because it was too late."));
    }

    [Fact]
    public void The_group_and_the_country_are_the_last_named()
    {
        Assert.Equal(
        [
            "Hezbollah LBNREB/LBN armedgroup dictionary",
            "Israel ISR/ISR state dictionary",
            "Israel ISR/ISR state dictionary",
            "group LBNREB/LBN armedgroup coreference",
        ], Dump("Hezbollah fired rockets at Israel on Sunday. Israel accused the group of breaking the truce."));
        Assert.Equal(
        [
            "Soldiers MLIMIL/MLI military agent",
            "Mali's President Ibrahim Boubacar Keita MLIELI/MLI person dictionary",
            "African Union AU/AFR igo dictionary",
            "country MLI/MLI state coreference",
        ], Dump("Soldiers detained Mali's President Ibrahim Boubacar Keita. The African Union suspended the country."));
    }
}
