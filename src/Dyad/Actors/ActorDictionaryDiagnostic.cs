namespace Dyad.Actors;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// A problem found while loading a dictionary file: a syntax error (the line is skipped) or a
/// duplicate or conflicting entry (reported, then resolved as <see cref="Message"/> says).
/// </summary>
public sealed record ActorDictionaryDiagnostic(string File, int Line, DiagnosticSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
