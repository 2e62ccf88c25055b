using Microsoft.AspNetCore.Components;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Usage;

/// <summary>
/// <c>/usage/{id}</c>: one call as on-call reads it: the route decision, the prompt, then every
/// upstream attempt in order, each labelled primary, fallback or hedge, failed ones with their error class.
/// </summary>
public sealed partial class UsageTracePage : OperationComponentBase
{
    private UsageTraceView? _trace;
    private string? _error;
    private bool _loading = true;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        var outcome = await RunAsync((IUsageOperations usage, CancellationToken ct) => usage.TraceAsync(Id, ct));
        _trace = outcome.Succeeded ? outcome.Value : null;
        _error = outcome.Failure?.Detail;
        _loading = false;
    }
}
