namespace Platform.ControlPlane.Spend;

/// <summary>
/// Usage of one group in a period. <see cref="Key"/> is the group's value ("" when the calls had
/// none, the key id for <see cref="SpendDimension.ApiKey"/>, "" for <see cref="SpendDimension.None"/>).
/// </summary>
internal sealed record SpendLine(string Key, long Requests, long Errors, long InputTokens, long OutputTokens, long CachedTokens, long CostNanoUsd);
