using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Models;

/// <summary>
/// The model catalog. A price change appends a price-history row effective from now, as
/// config-as-code's apply does, so calls already recorded keep the price they ran at. A change is
/// refused when it would leave a route that uses the model unable to serve. Reads are open to
/// every role; writes need <see cref="Permission.Configure"/>.
/// </summary>
internal sealed class ModelOperations(
    PlatformDbContext db, Caller caller, AuditLog audit, IValidator<ModelInput> validator, TimeProvider time) : IModelOperations
{
    private const string What = "model";

    public async Task<Outcome<Page<ModelView>>> ListAsync(ModelQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        var models = db.Models.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Capability))
        {
            if (!ConfigVocabulary.Capabilities.TryParse(query.Capability, out var wanted))
            {
                return Failure.Invalid(nameof(ModelQuery.Capability),
                    $"Unknown capability '{query.Capability}'; use {string.Join(", ", ConfigVocabulary.Capabilities.Names)}.");
            }

            models = models.Where(m => (m.Capabilities & wanted) == wanted);
        }

        if (!string.IsNullOrEmpty(query.Provider))
        {
            models = models.Where(m => m.Provider!.Name == query.Provider);
        }

        if (query.Enabled is { } enabled)
        {
            models = models.Where(m => m.Enabled == enabled);
        }

        if (!string.IsNullOrEmpty(query.Region))
        {
            models = models.Where(m => (m.Region ?? m.Provider!.Region) == query.Region);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            models = models.Where(m => m.Name.Contains(query.Name));
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var total = await models.CountAsync(ct);
        var rows = await models.Include(m => m.Provider).OrderBy(m => m.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<ModelView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<ModelView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await db.Models.AsNoTracking().Include(m => m.Provider).SingleOrDefaultAsync(m => m.Id == id, ct) is { } model
            ? Outcome.Ok(View(model), ETagOf(model))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<Page<ModelPriceView>>> PricesAsync(Guid id, int? page, int? pageSize, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Models.AnyAsync(m => m.Id == id, ct))
        {
            return Failure.NotFound(What);
        }

        var paging = Paging.From(page, pageSize);
        var prices = db.ModelPrices.AsNoTracking().Where(p => p.ModelId == id);
        var total = await prices.CountAsync(ct);
        var rows = await prices.OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var views = rows.Select(p => new ModelPriceView(p.EffectiveFrom, p.InputPricePerMillion, p.OutputPricePerMillion, p.CachedInputPricePerMillion));
        return Outcome.Ok(new Page<ModelPriceView>([.. views], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<ModelView>> CreateAsync(ModelInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await ProviderOfAsync(input, ct) is not { } provider)
        {
            return UnknownProvider(input);
        }

        if (await db.Models.AnyAsync(m => m.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var model = new CatalogModel { Name = input.Name, UpstreamId = "", CreatedAt = now };
        Apply(model, input, provider);
        db.Models.Add(model);
        AddPriceRow(model, now);
        audit.Add(db, "create", What, model.Id, null, View(model));
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(View(model), ETagOf(model));
    }

    public async Task<Outcome<ModelView>> UpdateAsync(Guid id, ModelInput input, string? ifMatch, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var model = found.Value;
        if (await ProviderOfAsync(input, ct) is not { } provider)
        {
            return UnknownProvider(input);
        }

        if (input.Name != model.Name)
        {
            if (await db.Models.AnyAsync(m => m.Name == input.Name, ct))
            {
                return NameTaken(input.Name);
            }

            if (await References.ToModelNameAsync(db, model.Name, ct) is { } used)
            {
                return Failure.Conflict($"Model '{model.Name}' cannot be renamed: it is {used}.", nameof(ModelInput.Name));
            }
        }

        var before = View(model);
        model.Name = input.Name;
        Apply(model, input, provider);
        if (PricesOf(model) != before.Prices)
        {
            AddPriceRow(model, time.GetUtcNow().UtcDateTime);
        }

        audit.Add(db, "update", What, model.Id, before, View(model));
        var check = RouteChecks.StayServable(db, RouteChecks.UsingModel(model.Id), $"Changing model '{model.Name}'");
        return await PolicyWrites.TrySaveAsync(db, check, ct) ?? Outcome.Ok(View(model), ETagOf(model));
    }

    public async Task<Outcome<ModelView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Configure) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var model = found.Value;
        if (await References.ToModelAsync(db, model.Id, model.Name, ct) is { } used)
        {
            return Failure.Conflict($"Model '{model.Name}' is {used}; change those first.");
        }

        // Its price history goes with it (cascade); usage rows keep the model's name and cost.
        var view = View(model);
        db.Models.Remove(model);
        audit.Add(db, "delete", What, model.Id, view, null);
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(view);
    }

    /// <summary>The same view the routes page shows for a chain's models.</summary>
    public static ModelView View(CatalogModel m) => new(
        m.Id, m.Name, m.Provider?.Name ?? "", m.ProviderId, m.UpstreamId, m.ContextWindow, m.MaxOutputTokens,
        ModelNames.CapabilityNames(m.Capabilities), PricesOf(m), m.Region, m.ApprovedForCustomerFacing, m.Enabled, m.CreatedAt);

    /// <summary>The tracked row with its provider, if it is in the tenant and the caller's If-Match still holds.</summary>
    private async Task<Outcome<CatalogModel>> FindAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (await db.Models.Include(m => m.Provider).SingleOrDefaultAsync(m => m.Id == id, ct) is not { } model)
        {
            return Failure.NotFound(What);
        }

        return ConcurrencyStamps.IfMatchFails(ifMatch, model.ConcurrencyStamp) ? Failure.PreconditionFailed() : Outcome.Ok(model);
    }

    private async Task<Failure?> InvalidAsync(ModelInput input, CancellationToken ct) =>
        await validator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null;

    private Task<Provider?> ProviderOfAsync(ModelInput input, CancellationToken ct)
    {
        var name = input.Provider ?? ModelNames.ProviderOf(input.Name);
        return db.Providers.SingleOrDefaultAsync(p => p.Name == name, ct);
    }

    private static Failure UnknownProvider(ModelInput input) =>
        Failure.Invalid(input.Provider is null ? nameof(ModelInput.Name) : nameof(ModelInput.Provider),
            $"Model '{input.Name}' refers to unknown provider '{input.Provider ?? ModelNames.ProviderOf(input.Name)}'.");

    private static Failure NameTaken(string name) =>
        Failure.Conflict($"A model named '{name}' already exists.", nameof(ModelInput.Name));

    private static string ETagOf(CatalogModel model) => ConcurrencyStamps.ETagOf(model.ConcurrencyStamp);

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
    private void AddPriceRow(CatalogModel model, DateTime now) =>
        db.ModelPrices.Add(new ModelPrice
        {
            ModelId = model.Id,
            EffectiveFrom = now,
            InputPricePerMillion = model.InputPricePerMillion,
            OutputPricePerMillion = model.OutputPricePerMillion,
            CachedInputPricePerMillion = model.CachedInputPricePerMillion,
        });

    private static ModelPrices PricesOf(CatalogModel m) => new(m.InputPricePerMillion, m.OutputPricePerMillion, m.CachedInputPricePerMillion);
}
