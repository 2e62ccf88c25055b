using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/models</c>: the tenant's model catalog. A price change appends a price-history row
/// effective from now, as config-as-code's apply does, so calls already recorded keep the price
/// they ran at; <c>GET /{id}/prices</c> lists that history.
/// </summary>
internal static class ModelEndpoints
{
    private const string EntityType = "model";

    public static void Map(RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("Models");
        models.MapGet("", ListAsync);
        models.MapGet("/{id:guid}", GetAsync);
        models.MapGet("/{id:guid}/prices", PricesAsync);
        models.MapPost("", CreateAsync).Validates<ModelInput>().Requires(Permission.Configure);
        models.MapPut("/{id:guid}", UpdateAsync).Validates<ModelInput>().Requires(Permission.Configure);
        models.MapDelete("/{id:guid}", DeleteAsync).Requires(Permission.Configure);
    }

    /// <param name="provider">Provider name.</param>
    /// <param name="capability">streaming, tools, jsonSchema, vision or embeddings.</param>
    /// <param name="name">Part of the name.</param>
    private static async Task<IResult> ListAsync(
        PlatformDbContext db, string? provider, string? capability, bool? enabled, string? region, string? name,
        int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Models.AsNoTracking();
        if (!string.IsNullOrEmpty(capability))
        {
            if (!ConfigVocabulary.Capabilities.TryParse(capability, out var wanted))
            {
                return Problems.BadRequest($"Unknown capability '{capability}'; use {string.Join(", ", ConfigVocabulary.Capabilities.Names)}.");
            }

            query = query.Where(m => (m.Capabilities & wanted) == wanted);
        }

        if (!string.IsNullOrEmpty(provider))
        {
            query = query.Where(m => m.Provider!.Name == provider);
        }

        if (enabled is { } on)
        {
            query = query.Where(m => m.Enabled == on);
        }

        if (!string.IsNullOrEmpty(region))
        {
            query = query.Where(m => (m.Region ?? m.Provider!.Region) == region);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(m => m.Name.Contains(name));
        }

        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.Include(m => m.Provider).OrderBy(m => m.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<ModelView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await db.Models.AsNoTracking().Include(m => m.Provider).SingleOrDefaultAsync(m => m.Id == id, ct) is not { } model)
        {
            return Problems.NotFound(EntityType);
        }

        ETags.Set(response, model);
        return Results.Ok(View(model));
    }

    /// <summary>Newest first: the first row is the price in force now.</summary>
    private static async Task<IResult> PricesAsync(Guid id, PlatformDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.Models.AnyAsync(m => m.Id == id, ct))
        {
            return Problems.NotFound(EntityType);
        }

        var paging = Paging.From(page, pageSize);
        var prices = db.ModelPrices.AsNoTracking().Where(p => p.ModelId == id);
        var total = await prices.CountAsync(ct);
        var rows = await prices.OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var views = rows.Select(p => new ModelPriceView(p.EffectiveFrom, p.InputPricePerMillion, p.OutputPricePerMillion, p.CachedInputPricePerMillion));
        return Results.Ok(new Page<ModelPriceView>([.. views], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> CreateAsync(
        ModelInput input, PlatformDbContext db, AuditLog audit, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        if (await ProviderOfAsync(db, input, ct) is not { } provider)
        {
            return UnknownProvider(input);
        }

        if (await db.Models.AnyAsync(m => m.Name == input.Name, ct))
        {
            return Problems.Conflict($"A model named '{input.Name}' already exists.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var model = new CatalogModel { Name = input.Name, UpstreamId = "", CreatedAt = now };
        Apply(model, input, provider);
        db.Models.Add(model);
        AddPriceRow(db, model, now);
        audit.Add(db, "create", EntityType, model.Id, null, View(model));
        if (await PolicyWrites.SaveAsync(db, null, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, model);
        return Results.Created($"/api/v1/models/{model.Id}", View(model));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, ModelInput input, PlatformDbContext db, AuditLog audit, TimeProvider time,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await db.Models.Include(m => m.Provider).SingleOrDefaultAsync(m => m.Id == id, ct) is not { } model)
        {
            return Problems.NotFound(EntityType);
        }

        if (ETags.IfMatchFails(request, model))
        {
            return Problems.PreconditionFailed();
        }

        if (await ProviderOfAsync(db, input, ct) is not { } provider)
        {
            return UnknownProvider(input);
        }

        if (input.Name != model.Name)
        {
            if (await db.Models.AnyAsync(m => m.Name == input.Name, ct))
            {
                return Problems.Conflict($"A model named '{input.Name}' already exists.");
            }

            if (await References.ToModelNameAsync(db, model.Name, ct) is { } used)
            {
                return Problems.Conflict($"Model '{model.Name}' cannot be renamed: it is {used}.");
            }
        }

        var before = View(model);
        var oldPrices = before.Prices;
        model.Name = input.Name;
        Apply(model, input, provider);
        if (PricesOf(model) != oldPrices)
        {
            AddPriceRow(db, model, time.GetUtcNow().UtcDateTime);
        }

        audit.Add(db, "update", EntityType, model.Id, before, View(model));
        var check = RouteChecks.StayServable(db, RouteChecks.UsingModel(model.Id), $"Changing model '{model.Name}'");
        if (await PolicyWrites.SaveAsync(db, check, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, model);
        return Results.Ok(View(model));
    }

    private static async Task<IResult> DeleteAsync(Guid id, PlatformDbContext db, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        if (await db.Models.Include(m => m.Provider).SingleOrDefaultAsync(m => m.Id == id, ct) is not { } model)
        {
            return Problems.NotFound(EntityType);
        }

        if (ETags.IfMatchFails(request, model))
        {
            return Problems.PreconditionFailed();
        }

        if (await References.ToModelAsync(db, model.Id, model.Name, ct) is { } used)
        {
            return Problems.Conflict($"Model '{model.Name}' is {used}; change those first.");
        }

        // Its price history goes with it (cascade); usage rows keep the model's name and cost.
        db.Models.Remove(model);
        audit.Add(db, "delete", EntityType, model.Id, View(model), null);
        return await PolicyWrites.SaveAsync(db, null, ct) ?? Results.NoContent();
    }

    private static Task<Provider?> ProviderOfAsync(PlatformDbContext db, ModelInput input, CancellationToken ct)
    {
        var name = input.Provider ?? ModelNames.ProviderOf(input.Name);
        return db.Providers.SingleOrDefaultAsync(p => p.Name == name, ct);
    }

    private static IResult UnknownProvider(ModelInput input) =>
        FieldErrors.Single(input.Provider is null ? "name" : "provider",
            $"Model '{input.Name}' refers to unknown provider '{input.Provider ?? ModelNames.ProviderOf(input.Name)}'.");

    private static void Apply(CatalogModel model, ModelInput input, Provider provider)
    {
        var prices = input.Prices!;
        model.ProviderId = provider.Id;
        model.Provider = provider;
        model.UpstreamId = input.UpstreamId ?? ModelNames.ModelOf(input.Name);
        model.ContextWindow = input.ContextWindow;
        model.MaxOutputTokens = input.MaxOutputTokens;
        model.Capabilities = ModelNames.ParseCapabilities(input.Capabilities);
        model.InputPricePerMillion = prices.Input;
        model.OutputPricePerMillion = prices.Output;
        model.CachedInputPricePerMillion = prices.CachedInput ?? prices.Input;
        model.Region = input.Region;
        model.ApprovedForCustomerFacing = input.ApprovedForCustomerFacing;
        model.Enabled = input.Enabled;
    }

    /// <summary>History, so a call is priced at the prices in force when it ran (as <c>ModelSync</c> writes it).</summary>
    private static void AddPriceRow(PlatformDbContext db, CatalogModel model, DateTime now) =>
        db.ModelPrices.Add(new ModelPrice
        {
            ModelId = model.Id,
            EffectiveFrom = now,
            InputPricePerMillion = model.InputPricePerMillion,
            OutputPricePerMillion = model.OutputPricePerMillion,
            CachedInputPricePerMillion = model.CachedInputPricePerMillion,
        });

    private static ModelPrices PricesOf(CatalogModel m) => new(m.InputPricePerMillion, m.OutputPricePerMillion, m.CachedInputPricePerMillion);

    public static ModelView View(CatalogModel m) => new(
        m.Id, m.Name, m.Provider?.Name ?? "", m.ProviderId, m.UpstreamId, m.ContextWindow, m.MaxOutputTokens,
        ModelNames.CapabilityNames(m.Capabilities), PricesOf(m), m.Region, m.ApprovedForCustomerFacing, m.Enabled, m.CreatedAt);
}
