namespace Platform.Simulator.Chat;

/// <summary>A request body the simulator cannot answer; it becomes a 400 in the caller's wire format.</summary>
internal sealed class RequestParseException : Exception
{
    public RequestParseException()
    {
    }

    public RequestParseException(string message)
        : base(message)
    {
    }

    public RequestParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
