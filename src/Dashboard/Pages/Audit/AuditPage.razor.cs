using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Audit;

/// <summary>
/// <c>/audit</c>: the tenant's audit log a page at a time from <see cref="IAuditOperations"/> (what
/// <c>GET /api/v1/audit</c> runs), filtered on the server. An entry opens to its before and after
/// side by side. Owners and admins only; the operation refuses everyone else anyway.
/// </summary>
public sealed partial class AuditPage : OperationComponentBase
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private readonly HashSet<Guid> _open = [];
    private MudTable<AuditEntryView>? _table;
    private string? _entityType;
    private string? _actor;
    private string? _action;
    private DateTime? _from;
    private DateTime? _to;
    private string? _error;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    private async Task<TableData<AuditEntryView>> LoadAsync(TableState state, CancellationToken _)
    {
        var query = new AuditQuery(
            _entityType, null, _actor, _action, Utc(_from), Utc(_to?.AddDays(1)), state.Page + 1, state.PageSize);
        var outcome = await RunAsync((IAuditOperations audit, CancellationToken ct) => audit.ListAsync(query, ct));
        _error = outcome.Failure?.Detail;
        return outcome.Succeeded
            ? new TableData<AuditEntryView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total }
            : new TableData<AuditEntryView> { Items = [], TotalItems = 0 };
    }

    private void Toggle(AuditEntryView entry)
    {
        if (!_open.Remove(entry.Id))
        {
            _open.Add(entry.Id);
        }
    }

    /// <summary>A new filter starts at the first page: page 3 of the old result means nothing for the new one.</summary>
    private async Task FilterAsync(Action set)
    {
        set();
        if (_table is null)
        {
            return;
        }

        if (_table.CurrentPage != 0)
        {
            _table.NavigateTo(0);
        }
        else
        {
            await _table.ReloadServerData();
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The pickers give days; the log's times are UTC.</summary>
    private static DateTime? Utc(DateTime? day) => day is { } d ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null;
}
