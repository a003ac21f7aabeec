using Dyad.Documents;

namespace Dyad.Actors;

/// <summary>What an actor is: a whole state, a part of a state, an organisation, a person, a place.</summary>
public enum ActorKind
{
    State,
    Government,
    Military,
    Igo,
    Party,
    Company,
    ArmedGroup,
    Person,
    Place,
    Group,
}

/// <summary>How a mention was tied to its actor.</summary>
public enum MentionVia
{
    /// <summary>A name, alias or abbreviation listed in a dictionary (or defined in the document).</summary>
    Dictionary,

    /// <summary>A pronoun, bare surname or description resolved to an actor mentioned elsewhere.</summary>
    Coreference,

    /// <summary>A country adjective or demonym ("Russian", "Russian officials").</summary>
    Demonym,

    /// <summary>A capital or seat of government standing for its government ("Moscow", "the Kremlin").</summary>
    Metonym,

    /// <summary>A name in no dictionary, read from its title and context ("Natural Resources Minister Alexander Kozlov").</summary>
    Inferred,

    /// <summary>
    /// An agent noun with no country word before it ("police in Lima", "protesters"): coded by its sector
    /// (COP, CVL), with the country of a place tied to it, else of the document's subject, else none.
    /// </summary>
    Agent,
}

/// <summary>
/// One mention of an actor in a text. <see cref="Actor"/> is a CAMEO-style code (RUSGOV, PRK, UNO),
/// <see cref="Country"/> the ISO 3166-1 alpha-3 code of the state it belongs to (SUN for the Soviet
/// Union) or an international organisation's own code (UNO, NATO, EUR). For a person,
/// <see cref="Name"/> is the full name and <see cref="Role"/> the office held on the date the
/// sentence talks about (null when the person held no listed office then; the code is then the
/// country with ELI, CAMEO's "elite"). A plural mention resolved to several actors ("the two
/// leaders") is returned as one mention per actor, all with the same <see cref="Span"/>.
/// </summary>
public sealed record ActorMention(
    TextSpan Span,
    string Text,
    string? Actor,
    string? Country,
    ActorKind Kind,
    string? Name,
    string? Role,
    MentionVia Via);
