using System.Text.Json;

namespace Platform.Shared.Management;

/// <summary>A prompt of the registry, with where each of its release labels points.</summary>
public sealed record PromptView(
    Guid Id,
    string Name,
    string? Description,
    int? LatestVersion,
    IReadOnlyList<PromptLabelView> Labels,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>A release label (production, staging, ...) and the version it points at.</summary>
public sealed record PromptLabelView(string Label, int Version, DateTime UpdatedAt);

/// <summary>One immutable version; messages, parameters and schema as JSON.</summary>
public sealed record PromptVersionView(
    Guid Id,
    Guid PromptId,
    int Version,
    JsonElement Messages,
    IReadOnlyList<string> Variables,
    JsonElement? Parameters,
    JsonElement? ResponseSchema,
    string? CreatedBy,
    DateTime CreatedAt);

/// <summary>One move of a label, from the audit log: <c>create</c>, <c>promote</c>, <c>rollback</c> or <c>delete</c>.</summary>
public sealed record PromptLabelMoveView(string Label, string Action, int? FromVersion, int? ToVersion, string Actor, DateTime At);

/// <summary>The line diff of two versions as <see cref="PromptVersionText"/> writes them.</summary>
public sealed record PromptDiffView(int From, int To, int Added, int Removed, IReadOnlyList<DiffLine> Lines);

/// <summary>What the audit log stores before and after a label move (its entity id is <c>&lt;prompt id&gt;/&lt;label&gt;</c>).</summary>
public sealed record PromptLabelState(string Prompt, string Label, int Version);

public sealed record PromptInput
{
    /// <summary>How applications and routes name the prompt; fixed once created.</summary>
    public string Name { get; init; } = "";

    public string? Description { get; init; }
}

public sealed record PromptUpdateInput
{
    public string? Description { get; init; }
}

public sealed record PromptMessageInput
{
    /// <summary><c>system</c>, <c>developer</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</summary>
    public string Role { get; init; } = "";

    /// <summary>Text with <c>{{variable}}</c> placeholders.</summary>
    public string Content { get; init; } = "";

    public string? Name { get; init; }
}

/// <summary>The next version of a prompt. Versions are never edited: a change is a new version.</summary>
public sealed record PromptVersionInput
{
    public IReadOnlyList<PromptMessageInput> Messages { get; init; } = [];

    /// <summary>The declared variables; every placeholder the messages use must be listed. Null: the ones used.</summary>
    public IReadOnlyList<string>? Variables { get; init; }

    /// <summary>Model parameters as a JSON object: <c>temperature</c>, <c>top_p</c>, <c>max_tokens</c>, ...</summary>
    public JsonElement? Parameters { get; init; }

    /// <summary>Optional JSON schema (an object) the answer must follow.</summary>
    public JsonElement? ResponseSchema { get; init; }
}

public sealed record PromptLabelInput
{
    public int Version { get; init; }
}

/// <summary>A page of prompts, optionally those whose name contains <paramref name="Name"/>.</summary>
public sealed record PromptQuery(string? Name, int? Page, int? PageSize);

/// <summary>How many recorded calls one version served (usage events naming the prompt and that version).</summary>
public sealed record PromptVersionUsageView(int Version, long Calls);
