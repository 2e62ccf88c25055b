IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [Alerts] (
        [Id] uniqueidentifier NOT NULL,
        [BudgetId] uniqueidentifier NOT NULL,
        [PeriodStart] datetime2 NOT NULL,
        [ThresholdPercent] int NOT NULL,
        [SpentNanoUsd] bigint NOT NULL,
        [EmailSentAt] datetime2 NULL,
        [WebhookSentAt] datetime2 NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Alerts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [ApiKeys] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Prefix] nvarchar(32) NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        [AllowedEndpoints] nvarchar(max) NOT NULL,
        [AllowedRoutes] nvarchar(max) NOT NULL,
        [AllowedModels] nvarchar(max) NOT NULL,
        [ExpiresAt] datetime2 NULL,
        [RevokedAt] datetime2 NULL,
        [RequestsPerMinute] int NULL,
        [TokensPerMinute] int NULL,
        [LastUsedAt] datetime2 NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ApiKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [DisplayName] nvarchar(max) NULL,
        [IsPlatformOperator] bit NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] uniqueidentifier NOT NULL,
        [Actor] nvarchar(max) NOT NULL,
        [Action] nvarchar(max) NOT NULL,
        [EntityType] nvarchar(max) NOT NULL,
        [EntityId] nvarchar(max) NULL,
        [BeforeJson] nvarchar(max) NULL,
        [AfterJson] nvarchar(max) NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [BillingRecords] (
        [Id] uniqueidentifier NOT NULL,
        [PeriodStart] datetime2 NOT NULL,
        [PeriodEnd] datetime2 NOT NULL,
        [AmountNanoUsd] bigint NOT NULL,
        [IdempotencyKey] nvarchar(450) NOT NULL,
        [StripeInvoiceItemId] nvarchar(max) NULL,
        [Status] int NOT NULL,
        [Error] nvarchar(2000) NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_BillingRecords] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [Budgets] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Scope] int NOT NULL,
        [ScopeValue] nvarchar(max) NULL,
        [Period] int NOT NULL,
        [CustomStart] datetime2 NULL,
        [CustomEnd] datetime2 NULL,
        [LimitUsd] decimal(18,6) NOT NULL,
        [Action] int NOT NULL,
        [DowngradeTier] nvarchar(max) NULL,
        [ThresholdsPercent] nvarchar(max) NOT NULL,
        [AlertEmails] nvarchar(max) NOT NULL,
        [AlertWebhookUrl] nvarchar(max) NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Budgets] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [FallbackPolicies] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [PerAttemptTimeoutMs] int NOT NULL,
        [FirstTokenTimeoutMs] int NOT NULL,
        [OverallDeadlineMs] int NOT NULL,
        [MaxRetries] int NOT NULL,
        [BackoffBaseMs] int NOT NULL,
        [MaxCandidates] int NOT NULL,
        [RetryOn] nvarchar(max) NOT NULL,
        [FallbackOn] nvarchar(max) NOT NULL,
        [BreakerFailureRatio] float NOT NULL,
        [BreakerMinimumThroughput] int NOT NULL,
        [BreakerSamplingSeconds] int NOT NULL,
        [BreakerBreakSeconds] int NOT NULL,
        [DegradedMode] int NOT NULL,
        [DegradedText] nvarchar(4000) NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_FallbackPolicies] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [Prompts] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Description] nvarchar(max) NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Prompts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [Providers] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Kind] int NOT NULL,
        [BaseUrl] nvarchar(max) NOT NULL,
        [EncryptedCredential] nvarchar(4000) NULL,
        [Region] nvarchar(max) NULL,
        [IsPrivate] bit NOT NULL,
        [Enabled] bit NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Providers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [Tenants] (
        [Id] uniqueidentifier NOT NULL,
        [Slug] nvarchar(64) NOT NULL,
        [Name] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ConfigVersion] bigint NOT NULL,
        [StripeCustomerId] nvarchar(max) NULL,
        [Disabled] bit NOT NULL,
        CONSTRAINT [PK_Tenants] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [Tiers] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Description] nvarchar(max) NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Tiers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [UsageEvents] (
        [Id] uniqueidentifier NOT NULL,
        [ApiKeyId] uniqueidentifier NULL,
        [Endpoint] nvarchar(max) NOT NULL,
        [Feature] nvarchar(max) NULL,
        [Customer] nvarchar(max) NULL,
        [Route] nvarchar(max) NULL,
        [Strategy] nvarchar(max) NULL,
        [PromptName] nvarchar(max) NULL,
        [PromptVersion] int NULL,
        [PromptLabel] nvarchar(max) NULL,
        [Provider] nvarchar(max) NULL,
        [Model] nvarchar(max) NULL,
        [Status] int NOT NULL,
        [ErrorClass] nvarchar(max) NULL,
        [StartedAt] datetime2 NOT NULL,
        [LatencyMs] int NOT NULL,
        [UpstreamLatencyMs] int NULL,
        [TimeToFirstTokenMs] int NULL,
        [InputTokens] int NOT NULL,
        [OutputTokens] int NOT NULL,
        [CachedTokens] int NOT NULL,
        [CostNanoUsd] bigint NOT NULL,
        [CostEstimated] bit NOT NULL,
        [CacheHit] bit NOT NULL,
        [Streamed] bit NOT NULL,
        [FallbackCount] int NOT NULL,
        [Degraded] bit NOT NULL,
        [Redacted] bit NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_UsageEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [UsageRollups] (
        [Id] uniqueidentifier NOT NULL,
        [HourStart] datetime2 NOT NULL,
        [Feature] nvarchar(100) NOT NULL,
        [Route] nvarchar(100) NOT NULL,
        [Provider] nvarchar(100) NOT NULL,
        [Model] nvarchar(200) NOT NULL,
        [Customer] nvarchar(100) NOT NULL,
        [ApiKeyId] uniqueidentifier NULL,
        [Requests] int NOT NULL,
        [Errors] int NOT NULL,
        [Fallbacks] int NOT NULL,
        [CacheHits] int NOT NULL,
        [InputTokens] bigint NOT NULL,
        [OutputTokens] bigint NOT NULL,
        [CachedTokens] bigint NOT NULL,
        [CostNanoUsd] bigint NOT NULL,
        [LatencyMsSum] bigint NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_UsageRollups] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [Memberships] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Role] int NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Memberships] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Memberships_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [PromptLabels] (
        [Id] uniqueidentifier NOT NULL,
        [PromptId] uniqueidentifier NOT NULL,
        [Label] nvarchar(64) NOT NULL,
        [Version] int NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_PromptLabels] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PromptLabels_Prompts_PromptId] FOREIGN KEY ([PromptId]) REFERENCES [Prompts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [PromptVersions] (
        [Id] uniqueidentifier NOT NULL,
        [PromptId] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [MessagesJson] nvarchar(max) NOT NULL,
        [Variables] nvarchar(max) NOT NULL,
        [ParametersJson] nvarchar(max) NULL,
        [ResponseSchemaJson] nvarchar(max) NULL,
        [CreatedBy] nvarchar(max) NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_PromptVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PromptVersions_Prompts_PromptId] FOREIGN KEY ([PromptId]) REFERENCES [Prompts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [Models] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [ProviderId] uniqueidentifier NOT NULL,
        [UpstreamId] nvarchar(max) NOT NULL,
        [ContextWindow] int NOT NULL,
        [MaxOutputTokens] int NOT NULL,
        [Capabilities] int NOT NULL,
        [InputPricePerMillion] decimal(18,6) NOT NULL,
        [OutputPricePerMillion] decimal(18,6) NOT NULL,
        [CachedInputPricePerMillion] decimal(18,6) NOT NULL,
        [Region] nvarchar(max) NULL,
        [ApprovedForCustomerFacing] bit NOT NULL,
        [Enabled] bit NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Models] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Models_Providers_ProviderId] FOREIGN KEY ([ProviderId]) REFERENCES [Providers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [Routes] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Description] nvarchar(max) NULL,
        [TierId] uniqueidentifier NULL,
        [Strategy] int NOT NULL,
        [HedgeAfterMs] int NULL,
        [FallbackPolicyId] uniqueidentifier NULL,
        [RequiredRegion] nvarchar(max) NULL,
        [CustomerFacing] bit NOT NULL,
        [Sensitivity] int NOT NULL,
        [PromptName] nvarchar(max) NULL,
        [PromptLabel] nvarchar(max) NULL,
        [CacheEnabled] bit NOT NULL,
        [CacheTtlSeconds] int NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Routes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Routes_FallbackPolicies_FallbackPolicyId] FOREIGN KEY ([FallbackPolicyId]) REFERENCES [FallbackPolicies] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Routes_Tiers_TierId] FOREIGN KEY ([TierId]) REFERENCES [Tiers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [UsageAttempts] (
        [Id] uniqueidentifier NOT NULL,
        [UsageEventId] uniqueidentifier NOT NULL,
        [Index] int NOT NULL,
        [Provider] nvarchar(max) NOT NULL,
        [Model] nvarchar(max) NOT NULL,
        [Status] int NULL,
        [ErrorClass] nvarchar(max) NULL,
        [LatencyMs] int NOT NULL,
        [InputTokens] int NOT NULL,
        [OutputTokens] int NOT NULL,
        [CostNanoUsd] bigint NOT NULL,
        [Cancelled] bit NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_UsageAttempts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_UsageAttempts_UsageEvents_UsageEventId] FOREIGN KEY ([UsageEventId]) REFERENCES [UsageEvents] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [ModelPrices] (
        [Id] uniqueidentifier NOT NULL,
        [ModelId] uniqueidentifier NOT NULL,
        [EffectiveFrom] datetime2 NOT NULL,
        [InputPricePerMillion] decimal(18,6) NOT NULL,
        [OutputPricePerMillion] decimal(18,6) NOT NULL,
        [CachedInputPricePerMillion] decimal(18,6) NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ModelPrices] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ModelPrices_Models_ModelId] FOREIGN KEY ([ModelId]) REFERENCES [Models] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [TierModels] (
        [Id] uniqueidentifier NOT NULL,
        [TierId] uniqueidentifier NOT NULL,
        [ModelId] uniqueidentifier NOT NULL,
        [Priority] int NOT NULL,
        [Weight] int NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_TierModels] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TierModels_Models_ModelId] FOREIGN KEY ([ModelId]) REFERENCES [Models] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TierModels_Tiers_TierId] FOREIGN KEY ([TierId]) REFERENCES [Tiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE TABLE [RouteCandidates] (
        [Id] uniqueidentifier NOT NULL,
        [RouteId] uniqueidentifier NOT NULL,
        [ModelId] uniqueidentifier NOT NULL,
        [Priority] int NOT NULL,
        [Weight] int NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_RouteCandidates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RouteCandidates_Models_ModelId] FOREIGN KEY ([ModelId]) REFERENCES [Models] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RouteCandidates_Routes_RouteId] FOREIGN KEY ([RouteId]) REFERENCES [Routes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Alerts_BudgetId_PeriodStart_ThresholdPercent] ON [Alerts] ([BudgetId], [PeriodStart], [ThresholdPercent]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Alerts_TenantId] ON [Alerts] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiKeys_Hash] ON [ApiKeys] ([Hash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_ApiKeys_TenantId] ON [ApiKeys] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiKeys_TenantId_Name] ON [ApiKeys] ([TenantId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_TenantId] ON [AuditEntries] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_TenantId_CreatedAt] ON [AuditEntries] ([TenantId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_BillingRecords_IdempotencyKey] ON [BillingRecords] ([IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_BillingRecords_TenantId] ON [BillingRecords] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_BillingRecords_TenantId_PeriodStart] ON [BillingRecords] ([TenantId], [PeriodStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Budgets_TenantId] ON [Budgets] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Budgets_TenantId_Name] ON [Budgets] ([TenantId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_FallbackPolicies_TenantId] ON [FallbackPolicies] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FallbackPolicies_TenantId_Name] ON [FallbackPolicies] ([TenantId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Memberships_TenantId] ON [Memberships] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Memberships_TenantId_UserId] ON [Memberships] ([TenantId], [UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Memberships_UserId] ON [Memberships] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_ModelPrices_ModelId_EffectiveFrom] ON [ModelPrices] ([ModelId], [EffectiveFrom]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_ModelPrices_TenantId] ON [ModelPrices] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Models_ProviderId] ON [Models] ([ProviderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Models_TenantId] ON [Models] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Models_TenantId_Name] ON [Models] ([TenantId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PromptLabels_PromptId_Label] ON [PromptLabels] ([PromptId], [Label]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_PromptLabels_TenantId] ON [PromptLabels] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PromptVersions_PromptId_Version] ON [PromptVersions] ([PromptId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_PromptVersions_TenantId] ON [PromptVersions] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Prompts_TenantId] ON [Prompts] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Prompts_TenantId_Name] ON [Prompts] ([TenantId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Providers_TenantId] ON [Providers] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Providers_TenantId_Name] ON [Providers] ([TenantId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_RouteCandidates_ModelId] ON [RouteCandidates] ([ModelId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RouteCandidates_RouteId_ModelId] ON [RouteCandidates] ([RouteId], [ModelId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_RouteCandidates_TenantId] ON [RouteCandidates] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Routes_FallbackPolicyId] ON [Routes] ([FallbackPolicyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Routes_TenantId] ON [Routes] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Routes_TenantId_Name] ON [Routes] ([TenantId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Routes_TierId] ON [Routes] ([TierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Tenants_Slug] ON [Tenants] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_TierModels_ModelId] ON [TierModels] ([ModelId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_TierModels_TenantId] ON [TierModels] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TierModels_TierId_ModelId] ON [TierModels] ([TierId], [ModelId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_Tiers_TenantId] ON [Tiers] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Tiers_TenantId_Name] ON [Tiers] ([TenantId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_UsageAttempts_TenantId] ON [UsageAttempts] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_UsageAttempts_UsageEventId_Index] ON [UsageAttempts] ([UsageEventId], [Index]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_UsageEvents_TenantId] ON [UsageEvents] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_UsageEvents_TenantId_StartedAt] ON [UsageEvents] ([TenantId], [StartedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    CREATE INDEX [IX_UsageRollups_TenantId] ON [UsageRollups] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_UsageRollups_TenantId_HourStart_Feature_Route_Provider_Model_Customer_ApiKeyId] ON [UsageRollups] ([TenantId], [HourStart], [Feature], [Route], [Provider], [Model], [Customer], [ApiKeyId]) WHERE [ApiKeyId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124021221_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124021221_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124045255_LimitsAndRecordedBy'
)
BEGIN
    ALTER TABLE [UsageEvents] ADD [RecordedBy] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124045255_LimitsAndRecordedBy'
)
BEGIN
    ALTER TABLE [Tenants] ADD [RequestsPerMinute] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124045255_LimitsAndRecordedBy'
)
BEGIN
    ALTER TABLE [Tenants] ADD [TokensPerMinute] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124045255_LimitsAndRecordedBy'
)
BEGIN
    CREATE TABLE [RateLimitCounters] (
        [TenantId] uniqueidentifier NOT NULL,
        [Scope] nvarchar(64) NOT NULL,
        [WindowStart] datetime2 NOT NULL,
        [Instance] nvarchar(64) NOT NULL,
        [Requests] bigint NOT NULL,
        [Tokens] bigint NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_RateLimitCounters] PRIMARY KEY ([TenantId], [Scope], [WindowStart], [Instance])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124045255_LimitsAndRecordedBy'
)
BEGIN
    CREATE INDEX [IX_RateLimitCounters_WindowStart] ON [RateLimitCounters] ([WindowStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124045255_LimitsAndRecordedBy'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124045255_LimitsAndRecordedBy', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE TABLE [ApiClients] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [ClientId] nvarchar(100) NOT NULL,
        [Role] int NOT NULL,
        [RevokedAt] datetime2 NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ApiClients] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE TABLE [Invitations] (
        [Id] uniqueidentifier NOT NULL,
        [Email] nvarchar(256) NOT NULL,
        [Role] int NOT NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        [AcceptedAt] datetime2 NULL,
        [InvitedBy] nvarchar(max) NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Invitations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE TABLE [OpenIddictApplications] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationType] nvarchar(50) NULL,
        [ClientId] nvarchar(100) NULL,
        [ClientSecret] nvarchar(max) NULL,
        [ClientType] nvarchar(50) NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [ConsentType] nvarchar(50) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [JsonWebKeySet] nvarchar(max) NULL,
        [Permissions] nvarchar(max) NULL,
        [PostLogoutRedirectUris] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedirectUris] nvarchar(max) NULL,
        [Requirements] nvarchar(max) NULL,
        [Settings] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictApplications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE TABLE [OpenIddictScopes] (
        [Id] uniqueidentifier NOT NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [Description] nvarchar(max) NULL,
        [Descriptions] nvarchar(max) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [Name] nvarchar(200) NULL,
        [Properties] nvarchar(max) NULL,
        [Resources] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictScopes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE TABLE [OpenIddictAuthorizations] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [Properties] nvarchar(max) NULL,
        [Scopes] nvarchar(max) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(50) NULL,
        CONSTRAINT [PK_OpenIddictAuthorizations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE TABLE [OpenIddictTokens] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NULL,
        [AuthorizationId] uniqueidentifier NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [ExpirationDate] datetime2 NULL,
        [Payload] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedemptionDate] datetime2 NULL,
        [ReferenceId] nvarchar(100) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(150) NULL,
        CONSTRAINT [PK_OpenIddictTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId] FOREIGN KEY ([AuthorizationId]) REFERENCES [OpenIddictAuthorizations] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiClients_ClientId] ON [ApiClients] ([ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE INDEX [IX_ApiClients_TenantId] ON [ApiClients] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE INDEX [IX_Invitations_TenantId] ON [Invitations] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Invitations_TokenHash] ON [Invitations] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictApplications_ClientId] ON [OpenIddictApplications] ([ClientId]) WHERE [ClientId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE INDEX [IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type] ON [OpenIddictAuthorizations] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictScopes_Name] ON [OpenIddictScopes] ([Name]) WHERE [Name] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_ApplicationId_Status_Subject_Type] ON [OpenIddictTokens] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_AuthorizationId] ON [OpenIddictTokens] ([AuthorizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictTokens_ReferenceId] ON [OpenIddictTokens] ([ReferenceId]) WHERE [ReferenceId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124050124_IdentityClientsInvitations'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124050124_IdentityClientsInvitations', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    DROP INDEX [IX_UsageRollups_TenantId_HourStart_Feature_Route_Provider_Model_Customer_ApiKeyId] ON [UsageRollups];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    EXEC sp_rename N'[UsageRollups].[HourStart]', N'BucketStart', 'COLUMN';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [UsageRollups] ADD [Granularity] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [UsageEvents] ADD [RolledUp] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [Tenants] ADD [BillingStatus] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [Tenants] ADD [Plan] nvarchar(64) NOT NULL DEFAULT N'standard';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [Tenants] ADD [RetentionDays] int NOT NULL DEFAULT 90;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [Tenants] ADD [WebhookSecretProtected] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [BillingRecords] ADD [AmountCents] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [BillingRecords] ADD [MarkupPercent] decimal(9,4) NOT NULL DEFAULT 0.0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [BillingRecords] ADD [Plan] nvarchar(64) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [BillingRecords] ADD [StripeInvoiceId] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [Alerts] ADD [ForecastRunOutAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [Alerts] ADD [LastError] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [Alerts] ADD [LimitNanoUsd] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    ALTER TABLE [Alerts] ADD [WebhookAttempts] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    CREATE TABLE [FinanceReportDeliveries] (
        [Id] uniqueidentifier NOT NULL,
        [PeriodStart] datetime2 NOT NULL,
        [SentAt] datetime2 NULL,
        [Recipients] int NOT NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_FinanceReportDeliveries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    CREATE TABLE [Invoices] (
        [Id] uniqueidentifier NOT NULL,
        [StripeInvoiceId] nvarchar(255) NOT NULL,
        [Number] nvarchar(100) NULL,
        [Status] nvarchar(32) NOT NULL,
        [Currency] nvarchar(3) NOT NULL,
        [AmountDueCents] bigint NOT NULL,
        [AmountPaidCents] bigint NOT NULL,
        [PeriodStart] datetime2 NOT NULL,
        [PeriodEnd] datetime2 NOT NULL,
        [HostedInvoiceUrl] nvarchar(2000) NULL,
        [TenantId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Invoices] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    CREATE TABLE [StripeEvents] (
        [Id] nvarchar(255) NOT NULL,
        [Type] nvarchar(100) NOT NULL,
        [ReceivedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_StripeEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_UsageRollups_TenantId_Granularity_BucketStart_Feature_Route_Provider_Model_Customer_ApiKeyId] ON [UsageRollups] ([TenantId], [Granularity], [BucketStart], [Feature], [Route], [Provider], [Model], [Customer], [ApiKeyId]) WHERE [ApiKeyId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    CREATE INDEX [IX_UsageEvents_RolledUp] ON [UsageEvents] ([RolledUp]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    CREATE INDEX [IX_FinanceReportDeliveries_TenantId] ON [FinanceReportDeliveries] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FinanceReportDeliveries_TenantId_PeriodStart] ON [FinanceReportDeliveries] ([TenantId], [PeriodStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Invoices_StripeInvoiceId] ON [Invoices] ([StripeInvoiceId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    CREATE INDEX [IX_Invoices_TenantId] ON [Invoices] ([TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    CREATE INDEX [IX_Invoices_TenantId_PeriodStart] ON [Invoices] ([TenantId], [PeriodStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063712_BackgroundJobs'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124063712_BackgroundJobs', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124153820_UsageEventsTenantIndexCovered'
)
BEGIN
    DROP INDEX [IX_UsageEvents_TenantId] ON [UsageEvents];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124153820_UsageEventsTenantIndexCovered'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124153820_UsageEventsTenantIndexCovered', N'10.0.15');
END;

COMMIT;
GO

