namespace Platform.DataPlane.Chat;

/// <summary>Tokens of one call, as the provider reported them (or as we counted, when estimated).</summary>
internal readonly record struct Usage(int InputTokens, int OutputTokens, int CachedInputTokens, bool Estimated = false)
{
    public int TotalTokens => InputTokens + OutputTokens;
}
