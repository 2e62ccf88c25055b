using System.Text;
using System.Text.RegularExpressions;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Protocols;

namespace Platform.DataPlane.Prompts;

/// <summary>
/// Applies a stored prompt to a call: the version's messages, variables filled in from the body's
/// <c>metadata</c> (<c>prompt.&lt;name&gt;</c>, because every OpenAI SDK can send string metadata and a
/// header cannot carry non-ASCII text), go before the caller's own messages, so a caller can append
/// the user turn. The version's temperature, top_p and max_tokens, and its response schema, apply
/// only where the caller set nothing.
/// </summary>
internal static partial class PromptRenderer
{
    public const string VariablePrefix = "prompt.";
    public const string NotFoundCode = "prompt_not_found";

    public static RenderedPrompt Apply(ChatRequest request, TenantPolicy tenant, PromptSelection selection)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(selection);

        var version = Resolve(tenant, selection);
        PromptTemplate template;
        try
        {
            template = PromptTemplate.For(version);
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or InvalidDataException)
        {
            throw new ClientRequestException($"prompt '{selection.Name}' version {version.Version} has an unusable messages template.", PromptHeaders.NameHeader);
        }

        var messages = new ChatMessage[template.Messages.Count + request.Messages.Count];
        var builder = new StringBuilder();
        for (var index = 0; index < template.Messages.Count; index++)
        {
            var message = template.Messages[index];
            messages[index] = new ChatMessage { Role = message.Role, Content = [ContentPart.FromText(Render(message.Segments, request.Metadata, builder))] };
        }

        for (var index = 0; index < request.Messages.Count; index++)
        {
            messages[template.Messages.Count + index] = request.Messages[index];
        }

        var parameters = template.Parameters;
        var rendered = request with
        {
            Messages = messages,
            Temperature = request.Temperature ?? parameters.Temperature,
            TopP = request.TopP ?? parameters.TopP,
            MaxTokens = request.MaxTokens ?? parameters.MaxTokens,
            ResponseFormat = request.ResponseFormat
                ?? (string.IsNullOrWhiteSpace(version.ResponseSchemaJson) ? null
                    : new ResponseFormat(ResponseFormatKind.JsonSchema, SchemaName(selection.Name), version.ResponseSchemaJson)),
        };
        return new RenderedPrompt(rendered, selection.Name, selection.Version is null ? selection.Label : null, version.Version);
    }

    private static PromptVersionPolicy Resolve(TenantPolicy tenant, PromptSelection selection)
    {
        if (!tenant.Prompts.TryGetValue(selection.Name, out var prompt))
        {
            throw new ClientRequestException($"prompt '{selection.Name}' does not exist.", PromptHeaders.NameHeader, NotFoundCode);
        }

        int number;
        if (selection.Version is { } pinned)
        {
            number = pinned;
        }
        else if (!prompt.Labels.TryGetValue(selection.Label!, out number))
        {
            throw new ClientRequestException($"prompt '{selection.Name}' has no label '{selection.Label}'.", PromptHeaders.LabelHeader, NotFoundCode);
        }

        return prompt.Versions.TryGetValue(number, out var version)
            ? version
            : throw new ClientRequestException($"prompt '{selection.Name}' has no version {number}.", PromptHeaders.VersionHeader, NotFoundCode);
    }

    private static string Render(TemplateSegment[] segments, IReadOnlyDictionary<string, string> metadata, StringBuilder builder)
    {
        if (segments.Length == 1 && !segments[0].IsVariable)
        {
            return segments[0].Text;
        }

        builder.Clear();
        foreach (var segment in segments)
        {
            if (!segment.IsVariable)
            {
                builder.Append(segment.Text);
            }
            else if (metadata.TryGetValue(VariablePrefix + segment.Text, out var value))
            {
                builder.Append(value);
            }
            else
            {
                throw new ClientRequestException(
                    $"the prompt needs variable '{segment.Text}'; send it as metadata \"{VariablePrefix}{segment.Text}\".",
                    "metadata." + VariablePrefix + segment.Text,
                    ClientErrorCodes.MissingParameter);
            }
        }

        return builder.ToString();
    }

    /// <summary>OpenAI requires <c>^[a-zA-Z0-9_-]{1,64}$</c> for a schema name.</summary>
    private static string SchemaName(string prompt)
    {
        var name = SchemaNameUnsafe().Replace(prompt, "_");
        return name.Length is > 0 and <= 64 ? name : "response";
    }

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex SchemaNameUnsafe();
}
