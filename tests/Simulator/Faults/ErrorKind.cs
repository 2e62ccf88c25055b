namespace Platform.Simulator.Faults;

internal enum ErrorKind
{
    BadRequest = 0,
    NotFound,
    InternalError,
    BadGateway,
    Unavailable,
    RateLimited,
    Overloaded,
    ContextLength,
    ContentFilter,
    Unauthorized,
}
