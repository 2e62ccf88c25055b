using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Shared.Domain;

namespace Platform.Shared.Data.Configurations;

internal sealed class MembershipConfiguration : TenantEntityConfiguration<Membership>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Membership> builder)
    {
        builder.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyConfiguration : TenantEntityConfiguration<ApiKey>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Prefix).HasMaxLength(32);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => new { k.TenantId, k.Name }).IsUnique();
    }
}

internal sealed class ProviderConfiguration : TenantEntityConfiguration<Provider>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Provider> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.EncryptedCredential).HasMaxLength(4000);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
    }
}

internal sealed class CatalogModelConfiguration : TenantEntityConfiguration<CatalogModel>
{
    protected override void ConfigureEntity(EntityTypeBuilder<CatalogModel> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.HasIndex(m => new { m.TenantId, m.Name }).IsUnique();
        builder.HasOne(m => m.Provider).WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModelPriceConfiguration : TenantEntityConfiguration<ModelPrice>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ModelPrice> builder)
    {
        builder.HasIndex(p => new { p.ModelId, p.EffectiveFrom });
        builder.HasOne<CatalogModel>().WithMany().HasForeignKey(p => p.ModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TierConfiguration : TenantEntityConfiguration<Tier>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Tier> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
        builder.HasMany(t => t.Models).WithOne().HasForeignKey(m => m.TierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TierModelConfiguration : TenantEntityConfiguration<TierModel>
{
    protected override void ConfigureEntity(EntityTypeBuilder<TierModel> builder)
    {
        builder.HasIndex(m => new { m.TierId, m.ModelId }).IsUnique();
        builder.HasOne(m => m.Model).WithMany().HasForeignKey(m => m.ModelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskRouteConfiguration : TenantEntityConfiguration<TaskRoute>
{
    protected override void ConfigureEntity(EntityTypeBuilder<TaskRoute> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasIndex(r => new { r.TenantId, r.Name }).IsUnique();
        builder.HasMany(r => r.Candidates).WithOne().HasForeignKey(c => c.RouteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Tier).WithMany().HasForeignKey(r => r.TierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.FallbackPolicy).WithMany().HasForeignKey(r => r.FallbackPolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RouteCandidateConfiguration : TenantEntityConfiguration<RouteCandidate>
{
    protected override void ConfigureEntity(EntityTypeBuilder<RouteCandidate> builder)
    {
        builder.HasIndex(c => new { c.RouteId, c.ModelId }).IsUnique();
        builder.HasOne(c => c.Model).WithMany().HasForeignKey(c => c.ModelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FallbackPolicyConfiguration : TenantEntityConfiguration<FallbackPolicy>
{
    protected override void ConfigureEntity(EntityTypeBuilder<FallbackPolicy> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.DegradedText).HasMaxLength(4000);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
    }
}

internal sealed class PromptConfiguration : TenantEntityConfiguration<Prompt>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Prompt> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PromptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Labels).WithOne().HasForeignKey(l => l.PromptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PromptVersionConfiguration : TenantEntityConfiguration<PromptVersion>
{
    protected override void ConfigureEntity(EntityTypeBuilder<PromptVersion> builder)
    {
        builder.HasIndex(v => new { v.PromptId, v.Version }).IsUnique();
    }
}

internal sealed class PromptLabelConfiguration : TenantEntityConfiguration<PromptLabel>
{
    protected override void ConfigureEntity(EntityTypeBuilder<PromptLabel> builder)
    {
        builder.Property(l => l.Label).HasMaxLength(64);
        builder.HasIndex(l => new { l.PromptId, l.Label }).IsUnique();
    }
}

internal sealed class BudgetConfiguration : TenantEntityConfiguration<Budget>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Budget> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.HasIndex(b => new { b.TenantId, b.Name }).IsUnique();
    }
}

internal sealed class ApiClientConfiguration : TenantEntityConfiguration<ApiClient>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ApiClient> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.ClientId).HasMaxLength(100);
        builder.HasIndex(c => c.ClientId).IsUnique();
    }
}

internal sealed class InvitationConfiguration : TenantEntityConfiguration<Invitation>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}
