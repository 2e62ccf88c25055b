namespace Platform.DataPlane.Limits;

/// <summary>What a scope used in a window: this instance's count plus the last-known count of the others.</summary>
internal readonly record struct RateUsage(long Requests, long Tokens);
