namespace Platform.Shared.Domain;

/// <summary>One immutable version of a prompt: never updated after it is written.</summary>
public sealed class PromptVersion : TenantEntity, IPolicyEntity
{
    public Guid PromptId { get; set; }

    /// <summary>1, 2, 3, ... per prompt.</summary>
    public int Version { get; set; }

    /// <summary>The messages template as JSON: <c>[{"role":"system","content":"... {{var}} ..."}]</c>.</summary>
    public required string MessagesJson { get; set; }

    public List<string> Variables { get; set; } = [];

    /// <summary>Model parameters (temperature, max_tokens, ...) as a JSON object.</summary>
    public string? ParametersJson { get; set; }

    /// <summary>Optional JSON schema the answer must follow.</summary>
    public string? ResponseSchemaJson { get; set; }

    public string? CreatedBy { get; set; }
}
