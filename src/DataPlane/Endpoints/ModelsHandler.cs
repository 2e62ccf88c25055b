using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Routing;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// <c>GET /v1/models</c>: what this key may call — concrete catalog models, and the tenant's task
/// routes and tiers as <c>route:name</c> / <c>tier:name</c> aliases.
/// </summary>
internal sealed class ModelsHandler(CallAdmission admission)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (await admission.AuthenticateAsync(context, "models", Dialect.OpenAi) is not { } call)
        {
            return;
        }

        var tenant = call.Tenant!;
        var key = call.Key!;
        var created = new DateTimeOffset(call.StartedAt).ToUnixTimeSeconds();
        var entries = new List<ModelListEntry>();
        foreach (var model in tenant.Models.Values)
        {
            if (model.Enabled && model.Provider.Enabled && (key.AllowedModels.Count == 0 || key.AllowedModels.Contains(model.Name)))
            {
                entries.Add(new ModelListEntry(model.Name, created, model.Provider.Name));
            }
        }

        foreach (var route in tenant.Routes.Keys)
        {
            if (key.AllowedRoutes.Count == 0 || key.AllowedRoutes.Contains(route))
            {
                entries.Add(new ModelListEntry(ModelReference.RoutePrefix + route, created, tenant.Slug));
            }
        }

        foreach (var tier in tenant.Tiers.Keys)
        {
            if (key.AllowedRoutes.Count == 0 || key.AllowedRoutes.Contains(ModelReference.TierPrefix + tier))
            {
                entries.Add(new ModelListEntry(ModelReference.TierPrefix + tier, created, tenant.Slug));
            }
        }

        entries.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        context.Response.ContentType = "application/json";
        using var buffer = new PooledBufferWriter();
        OpenAiModelsWriter.Write(buffer, entries);
        await JsonBody.WriteAsync(context.Response, buffer, context.RequestAborted);
    }
}
