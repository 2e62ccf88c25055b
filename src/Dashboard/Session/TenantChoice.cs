namespace Platform.Dashboard.Session;

/// <summary>A tenant the signed-in user belongs to, with their role there (<c>owner</c>, <c>admin</c>, <c>finance</c>, <c>viewer</c>).</summary>
public sealed record TenantChoice(Guid Id, string Slug, string Name, string Role);
