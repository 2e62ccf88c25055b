namespace Platform.DataPlane.Forwarding;

/// <summary>
/// The one classification of upstream failures every adapter maps to. What each class does
/// (retry, fall back, larger-context only, return at once) is the table in the README.
/// </summary>
internal enum ErrorClass
{
    Timeout,
    Connection,
    RateLimited,
    ServerError,
    Overloaded,
    ContextLength,
    ContentFilter,
    BadRequest,
    Auth,
    MalformedResponse,
    StreamBroken,
}
