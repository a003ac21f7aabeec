using Xunit;

namespace Dyad.Tests;

/// <summary>A fact that is skipped, with a message, when a reference data set is not beside the checkout.</summary>
internal abstract class ReferenceDataFactAttribute : FactAttribute
{
    protected ReferenceDataFactAttribute(string folder, string what)
    {
        if (!Directory.Exists(folder)) Skip = $"{what} not found at {folder}";
    }
}

/// <summary>A theory that is skipped, with a message, when a reference data set is not beside the checkout.</summary>
internal abstract class ReferenceDataTheoryAttribute : TheoryAttribute
{
    protected ReferenceDataTheoryAttribute(string folder, string what)
    {
        if (!Directory.Exists(folder)) Skip = $"{what} not found at {folder}";
    }
}
