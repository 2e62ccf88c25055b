using MudBlazor;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Usage;

/// <summary>What an attempt was to its call: the first try, a fallback after a failure, or a cancelled race (hedge).</summary>
public sealed record AttemptRole(string Key, string Label, Color Color)
{
    public static AttemptRole Of(UsageAttemptView attempt, IReadOnlyList<UsageAttemptView> attempts)
    {
        // A successful attempt may carry no status (the data plane keeps one mainly for failures): the error class marks a failure.
        var failed = attempt.ErrorClass is not null || attempt.Status >= 400;
        var kind = attempt.Index == 0 ? "primary" : "fallback";
        if (attempt.Cancelled)
        {
            return new("cancelled", $"{kind} · cancelled", Color.Default);
        }

        if (failed)
        {
            return new($"{kind}-failed", $"{kind} · failed", Color.Error);
        }

        var last = attempt.Index == attempts.Max(a => a.Index);
        return new(kind, last ? $"{kind} · served" : kind, attempt.Index == 0 ? Color.Success : Color.Warning);
    }
}
