namespace Platform.DataPlane.Limits;

/// <summary>
/// One scope's counts (a tenant, or one of its keys) in the current one-minute UTC window: what
/// this instance admitted, and the sum of what the other instances had published when
/// <see cref="RateLimitSync"/> last read them. Every member is called under the owning
/// <see cref="TenantRateWindows.Gate"/>; counts of an older window read as zero.
/// </summary>
internal sealed class RateWindow(Guid tenantId, string scope)
{
    private long _window;
    private long _requests;
    private long _tokens;
    private long _othersWindow;
    private long _othersRequests;
    private long _othersTokens;
    private long _publishedWindow;
    private long _publishedRequests;
    private long _publishedTokens;

    public Guid TenantId { get; } = tenantId;

    public string Scope { get; } = scope;

    public RateUsage Used(long window) => new(
        (_window == window ? _requests : 0) + (_othersWindow == window ? _othersRequests : 0),
        (_window == window ? _tokens : 0) + (_othersWindow == window ? _othersTokens : 0));

    public void AddRequest(long window)
    {
        Roll(window);
        _requests++;
    }

    public void AddTokens(long window, long tokens)
    {
        Roll(window);
        _tokens += tokens;
    }

    public void SetOthers(long window, long requests, long tokens)
    {
        _othersWindow = window;
        _othersRequests = requests;
        _othersTokens = tokens;
    }

    /// <summary>This instance's counts for <paramref name="window"/>, when they moved since they were last published.</summary>
    public bool TryGetUnpublished(long window, out long requests, out long tokens)
    {
        requests = _requests;
        tokens = _tokens;
        return _window == window
            && (_publishedWindow != window || requests != _publishedRequests || tokens != _publishedTokens);
    }

    public void MarkPublished(long window, long requests, long tokens)
    {
        _publishedWindow = window;
        _publishedRequests = requests;
        _publishedTokens = tokens;
    }

    private void Roll(long window)
    {
        if (_window != window)
        {
            _window = window;
            _requests = 0;
            _tokens = 0;
        }
    }
}
