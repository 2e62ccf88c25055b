namespace Platform.Shared.Management.Operations;

/// <summary>Builds outcomes with the value type inferred: <c>Outcome.Ok(view, etag)</c>; a bare <see cref="Failure"/> converts by itself.</summary>
public static class Outcome
{
    public static Outcome<T> Ok<T>(T value, string? etag = null) => new(value, etag, null);

    public static Outcome<T> Fail<T>(Failure failure) => failure;
}
