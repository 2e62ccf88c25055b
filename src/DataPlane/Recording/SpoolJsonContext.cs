using System.Text.Json.Serialization;

namespace Platform.DataPlane.Recording;

/// <summary>Source-generated (no reflection) JSON for spool lines; one compact object per line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(SpooledUsage))]
internal sealed partial class SpoolJsonContext : JsonSerializerContext;
