using System.Text.RegularExpressions;

namespace Platform.Dashboard.Components;

/// <summary>Which form field shows an error keyed by a validator's property path.</summary>
public static partial class FormFields
{
    /// <summary><c>Routes[0]</c> is shown on the <c>Routes</c> field, <c>Models[1].Model</c> on <c>Models.Model</c>.</summary>
    public static string Of(string propertyPath) => Indexer().Replace(propertyPath, "");

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Indexer();
}
