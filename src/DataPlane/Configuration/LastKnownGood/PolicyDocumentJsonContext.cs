using System.Text.Json.Serialization;

namespace Platform.DataPlane.Configuration;

/// <summary>Source-generated (no reflection) JSON for the last-known-good file; enums as names so a reordering cannot misread it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(PolicyDocument))]
internal sealed partial class PolicyDocumentJsonContext : JsonSerializerContext;
