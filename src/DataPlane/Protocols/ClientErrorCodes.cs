namespace Platform.DataPlane.Protocols;

/// <summary>The <c>code</c> of a 400 written for a <see cref="ClientRequestException"/>.</summary>
internal static class ClientErrorCodes
{
    public const string InvalidJson = "invalid_json";
    public const string MissingParameter = "missing_required_parameter";
    public const string InvalidType = "invalid_type";
    public const string InvalidValue = "invalid_value";
    public const string Unsupported = "unsupported_value";
}
