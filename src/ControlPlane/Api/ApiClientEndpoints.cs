using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/clients</c>: OAuth clients for a tenant's automation (client credentials against
/// <c>/connect/token</c>). A client acts with the role it was given; nobody can create a client
/// with rights they do not have (an admin cannot make an owner or a finance client).
/// </summary>
internal static class ApiClientEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("API clients");
        clients.MapGet("", ListAsync).Requires(Permission.Configure);
        clients.MapPost("", CreateAsync).Validates<ApiClientInput>().Requires(Permission.Configure);
        clients.MapPost("/{id:guid}/revoke", RevokeAsync).Requires(Permission.Configure);
    }

    private static async Task<IResult> ListAsync(PlatformDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var query = db.ApiClients.AsNoTracking();
        var rows = await query.OrderBy(c => c.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<ApiClientView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, await query.CountAsync(ct)));
    }

    private static async Task<IResult> CreateAsync(
        ApiClientInput input, PlatformDbContext db, Caller caller, OAuthClients oauth, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (!TenantRoles.TryParse(input.Role, out var role) || !caller.Role.MayGrant(role))
        {
            return Problems.Forbidden($"The {TenantRoles.Name(caller.Role)} role may not create a client with the {TenantRoles.Name(role)} role.");
        }

        var client = new ApiClient
        {
            Name = input.Name,
            ClientId = "plc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            Role = role,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApiClients.Add(client);
        audit.Add(db, "create", "api_client", client.Id, null, View(client));
        await db.SaveChangesAsync(ct);
        var secret = await oauth.CreateConfidentialAsync(client.ClientId, $"{input.Name} ({caller.TenantId})", ct);
        return Results.Created($"/api/v1/clients/{client.Id}", new ApiClientWithSecret(View(client), secret));
    }

    private static async Task<IResult> RevokeAsync(
        Guid id, PlatformDbContext db, Caller caller, OAuthClients oauth, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, ct) is not { } client)
        {
            return Problems.NotFound("API client");
        }

        if (!caller.Role.MayGrant(client.Role))
        {
            return Problems.Forbidden($"The {TenantRoles.Name(caller.Role)} role may not revoke a {TenantRoles.Name(client.Role)} client.");
        }

        if (client.RevokedAt is null)
        {
            var before = View(client);
            client.RevokedAt = time.GetUtcNow().UtcDateTime;
            audit.Add(db, "revoke", "api_client", client.Id, before, View(client));
            await db.SaveChangesAsync(ct);
            await oauth.DeleteAsync(client.ClientId, ct);
        }

        return Results.Ok(View(client));
    }

    private static ApiClientView View(ApiClient c) => new(c.Id, c.Name, c.ClientId, TenantRoles.Name(c.Role), c.CreatedAt, c.RevokedAt);
}
