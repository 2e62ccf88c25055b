namespace Platform.DataPlane.Protocols;

/// <summary>
/// The caller's body is unusable: malformed JSON, a wrong type, a missing or invalid field. The endpoint answers
/// it with a 400 in the caller's wire format. Readers throw nothing else for any input, so a fuzzer finds no 500.
/// </summary>
internal sealed class ClientRequestException(string reason, string? param = null, string code = ClientErrorCodes.InvalidValue)
    : Exception(reason)
{
    /// <summary>The problem without the location, e.g. <c>expected a string.</c></summary>
    public string Reason { get; } = reason;

    /// <summary>Where the problem is, OpenAI style: <c>messages[2].role</c>; null for the body as a whole.</summary>
    public string? Param { get; } = param;

    /// <summary>One of <see cref="ClientErrorCodes"/>.</summary>
    public string Code { get; } = code;

    public override string Message => Param is null ? Reason : $"Invalid '{Param}': {Reason}";

    /// <summary>The same problem one level further out: <c>role</c> inside <c>messages[2]</c> becomes <c>messages[2].role</c>.</summary>
    public ClientRequestException Within(string parent, int index = -1)
    {
        var prefix = index < 0 ? parent : $"{parent}[{index}]";
        var param = Param switch
        {
            null => prefix,
            _ when Param.StartsWith('[') => prefix + Param,
            _ => prefix + "." + Param,
        };
        return new ClientRequestException(Reason, param, Code);
    }

    public static ClientRequestException Missing(string param) =>
        new("this field is required.", param, ClientErrorCodes.MissingParameter);

    public static ClientRequestException WrongType(string? param, string expected) =>
        new($"expected {expected}.", param, ClientErrorCodes.InvalidType);
}
