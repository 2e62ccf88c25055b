namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>One model of <c>GET /v1/models</c>: what the caller may put in <c>model</c>.</summary>
internal sealed record ModelListEntry(string Id, long Created, string OwnedBy);
