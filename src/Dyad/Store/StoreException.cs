namespace Dyad.Store;

/// <summary>Why a store could not be opened or used.</summary>
public enum StoreProblem
{
    Missing,
    Locked,
    ReadOnly,
    Corrupt,
    NotADyadStore,
    NewerSchema,
    OlderSchema,
    Unreachable,
    Failed,
}

/// <summary>
/// A store that cannot be used as asked: the message says which database and why, in one line, and what
/// was left untouched. Thrown only before or instead of a write, never after a partial one.
/// </summary>
public sealed class StoreException(StoreProblem problem, string message, Exception? inner = null) : Exception(message, inner)
{
    public StoreProblem Problem { get; } = problem;
}
