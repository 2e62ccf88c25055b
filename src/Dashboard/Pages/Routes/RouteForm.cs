using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>
/// The route form's model: mutable for binding. A route targets a tier or an ordered candidate list;
/// <see cref="UsesTier"/> picks which one <see cref="ToInput"/> sends, so the shared validator's
/// "exactly one of tier or candidates" rule still speaks when the chosen one is empty. The prompt
/// and cache settings are not edited here and are sent back as they were.
/// </summary>
public sealed class RouteForm
{
    /// <summary>The fields bound with <c>For=</c>, which show their own errors; candidate errors show in the chain editor.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        nameof(Name), nameof(Description), nameof(Tier), nameof(Candidates), nameof(Strategy), nameof(HedgeAfterMs),
        nameof(FallbackPolicy), nameof(Region), nameof(CustomerFacing), nameof(Sensitivity),
    ];

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public bool UsesTier { get; set; }

    public string? Tier { get; set; }

    /// <summary>First tried first.</summary>
    public List<CandidateRow> Candidates { get; set; } = [new()];

    public string Strategy { get; set; } = "priority";

    public int? HedgeAfterMs { get; set; }

    public string? FallbackPolicy { get; set; }

    public string? Region { get; set; }

    public bool CustomerFacing { get; set; }

    public string Sensitivity { get; set; } = "none";

    public RoutePrompt? Prompt { get; set; }

    public RouteCache Cache { get; set; } = new();

    public static RouteForm From(RouteView route) => new()
    {
        Name = route.Name,
        Description = route.Description,
        UsesTier = route.Tier is not null,
        Tier = route.Tier,
        Candidates = route.Candidates.Count > 0 ? [.. route.Candidates.Select(c => new CandidateRow { Model = c.Model, Weight = c.Weight })] : [new()],
        Strategy = route.Strategy,
        HedgeAfterMs = route.HedgeAfterMs,
        FallbackPolicy = route.FallbackPolicy,
        Region = route.Constraints.Region,
        CustomerFacing = route.Constraints.CustomerFacing,
        Sensitivity = route.Constraints.Sensitivity,
        Prompt = route.Prompt,
        Cache = route.Cache,
    };

    public RouteInput ToInput() => new()
    {
        Name = Name.Trim(),
        Description = Blank(Description),
        Tier = UsesTier ? Tier?.Trim() ?? "" : null,
        Candidates = UsesTier ? [] : [.. Candidates.Select(c => new WeightedModelInput(c.Model.Trim(), c.Weight))],
        Strategy = Strategy,

        // Kept while another strategy is picked, but only sent for hedged, where it applies.
        HedgeAfterMs = Strategy == "hedged" ? HedgeAfterMs : null,
        FallbackPolicy = Blank(FallbackPolicy),
        Constraints = new RouteConstraints(Blank(Region), CustomerFacing, Sensitivity),
        Prompt = Prompt,
        Cache = Cache,
    };

    public void Move(int index, int offset)
    {
        var target = index + offset;
        if (target < 0 || target >= Candidates.Count)
        {
            return;
        }

        (Candidates[index], Candidates[target]) = (Candidates[target], Candidates[index]);
    }

    /// <summary>
    /// The form field an error belongs to: input paths (<c>Constraints.Region</c>, the API's
    /// <c>constraints.region</c>) are matched case-insensitively; every candidate error goes to the
    /// chain editor; prompt and cache errors have no field here.
    /// </summary>
    public static string FieldOf(string path)
    {
        var field = string.Join('.', Components.FormFields.Of(path).Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
        return field.StartsWith("Constraints.", StringComparison.Ordinal) ? field["Constraints.".Length..]
            : field.StartsWith("Candidates", StringComparison.Ordinal) ? nameof(Candidates)
            : field;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
