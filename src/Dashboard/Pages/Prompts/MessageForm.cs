namespace Platform.Dashboard.Pages.Prompts;

/// <summary>One message of <see cref="PromptVersionForm"/>.</summary>
public sealed class MessageForm
{
    public string Role { get; set; } = "user";

    public string Content { get; set; } = "";

    public string? Name { get; set; }
}
