namespace Platform.DataPlane.Forwarding;

/// <summary>The snake_case names used in policies, headers, usage records and the README.</summary>
internal static class ErrorClassNames
{
    private static readonly string[] Names =
    [
        "timeout", "connection", "rate_limited", "server_error", "overloaded", "context_length",
        "content_filter", "bad_request", "auth", "malformed_response", "stream_broken",
    ];

    public static string ToName(this ErrorClass errorClass) => Names[(int)errorClass];

    public static bool TryParse(string name, out ErrorClass errorClass)
    {
        var index = Array.IndexOf(Names, name);
        errorClass = (ErrorClass)Math.Max(index, 0);
        return index >= 0;
    }

    public static IReadOnlyList<string> All => Names;
}
