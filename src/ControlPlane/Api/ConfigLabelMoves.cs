using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// A config apply moves prompt labels too; comparing the labels before and after it writes those
/// moves into the same audit history as <c>PUT /prompts/{id}/labels/{label}</c>, so the label
/// history does not depend on which way a release was made.
/// </summary>
internal static class ConfigLabelMoves
{
    public static async Task<Dictionary<(Guid PromptId, string Label), PromptLabelState>> SnapshotAsync(PlatformDbContext db, CancellationToken ct)
    {
        var rows = await db.PromptLabels.AsNoTracking()
            .Join(db.Prompts, l => l.PromptId, p => p.Id, (l, p) => new { l.PromptId, Prompt = p.Name, l.Label, l.Version })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.PromptId, r.Label), r => new PromptLabelState(r.Prompt, r.Label, r.Version));
    }

    public static void Audit(
        PlatformDbContext db, AuditLog audit,
        Dictionary<(Guid PromptId, string Label), PromptLabelState> before,
        Dictionary<(Guid PromptId, string Label), PromptLabelState> after)
    {
        foreach (var (key, now) in after)
        {
            var id = PromptLabelEndpoints.EntityId(key.PromptId, key.Label);
            if (!before.TryGetValue(key, out var was))
            {
                audit.AddByKey(db, "create", PromptLabelEndpoints.EntityType, id, null, now);
            }
            else if (was.Version != now.Version)
            {
                audit.AddByKey(db, PromptLabelEndpoints.MoveAction(was.Version, now.Version), PromptLabelEndpoints.EntityType, id, was, now);
            }
        }

        foreach (var (key, was) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            audit.AddByKey(db, "delete", PromptLabelEndpoints.EntityType, PromptLabelEndpoints.EntityId(key.PromptId, key.Label), was, null);
        }
    }
}
