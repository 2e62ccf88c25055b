using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Prompts;

/// <summary>The new-prompt form's model, named as <see cref="PromptInput"/> so its errors land on the right field.</summary>
public sealed class PromptForm
{
    public static readonly IReadOnlyList<string> Fields = [nameof(Name), nameof(Description)];

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public PromptInput ToInput() => new()
    {
        Name = Name.Trim(),
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
    };
}
