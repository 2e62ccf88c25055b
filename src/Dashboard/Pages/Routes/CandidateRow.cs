namespace Platform.Dashboard.Pages.Routes;

/// <summary>One candidate in the chain editor: a concrete <c>provider/model</c> name and its weight.</summary>
public sealed class CandidateRow
{
    public string Model { get; set; } = "";

    public int Weight { get; set; } = 1;
}
