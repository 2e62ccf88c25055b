using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BackgroundJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UsageRollups_TenantId_HourStart_Feature_Route_Provider_Model_Customer_ApiKeyId",
                table: "UsageRollups");

            migrationBuilder.RenameColumn(
                name: "HourStart",
                table: "UsageRollups",
                newName: "BucketStart");

            migrationBuilder.AddColumn<int>(
                name: "Granularity",
                table: "UsageRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RolledUp",
                table: "UsageEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "BillingStatus",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Plan",
                table: "Tenants",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "standard");

            migrationBuilder.AddColumn<int>(
                name: "RetentionDays",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.AddColumn<string>(
                name: "WebhookSecretProtected",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AmountCents",
                table: "BillingRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<decimal>(
                name: "MarkupPercent",
                table: "BillingRecords",
                type: "TEXT",
                precision: 9,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Plan",
                table: "BillingRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StripeInvoiceId",
                table: "BillingRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ForecastRunOutAt",
                table: "Alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "Alerts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LimitNanoUsd",
                table: "Alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "WebhookAttempts",
                table: "Alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "FinanceReportDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinanceReportDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StripeInvoiceId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AmountDueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountPaidCents = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HostedInvoiceUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StripeEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UsageRollups_TenantId_Granularity_BucketStart_Feature_Route_Provider_Model_Customer_ApiKeyId",
                table: "UsageRollups",
                columns: new[] { "TenantId", "Granularity", "BucketStart", "Feature", "Route", "Provider", "Model", "Customer", "ApiKeyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UsageEvents_RolledUp",
                table: "UsageEvents",
                column: "RolledUp");

            migrationBuilder.CreateIndex(
                name: "IX_FinanceReportDeliveries_TenantId",
                table: "FinanceReportDeliveries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_FinanceReportDeliveries_TenantId_PeriodStart",
                table: "FinanceReportDeliveries",
                columns: new[] { "TenantId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_StripeInvoiceId",
                table: "Invoices",
                column: "StripeInvoiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_TenantId",
                table: "Invoices",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_TenantId_PeriodStart",
                table: "Invoices",
                columns: new[] { "TenantId", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FinanceReportDeliveries");

            migrationBuilder.DropTable(
                name: "Invoices");

            migrationBuilder.DropTable(
                name: "StripeEvents");

            migrationBuilder.DropIndex(
                name: "IX_UsageRollups_TenantId_Granularity_BucketStart_Feature_Route_Provider_Model_Customer_ApiKeyId",
                table: "UsageRollups");

            migrationBuilder.DropIndex(
                name: "IX_UsageEvents_RolledUp",
                table: "UsageEvents");

            migrationBuilder.DropColumn(
                name: "Granularity",
                table: "UsageRollups");

            migrationBuilder.DropColumn(
                name: "RolledUp",
                table: "UsageEvents");

            migrationBuilder.DropColumn(
                name: "BillingStatus",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Plan",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "RetentionDays",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "WebhookSecretProtected",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "AmountCents",
                table: "BillingRecords");

            migrationBuilder.DropColumn(
                name: "MarkupPercent",
                table: "BillingRecords");

            migrationBuilder.DropColumn(
                name: "Plan",
                table: "BillingRecords");

            migrationBuilder.DropColumn(
                name: "StripeInvoiceId",
                table: "BillingRecords");

            migrationBuilder.DropColumn(
                name: "ForecastRunOutAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "LimitNanoUsd",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "WebhookAttempts",
                table: "Alerts");

            migrationBuilder.RenameColumn(
                name: "BucketStart",
                table: "UsageRollups",
                newName: "HourStart");

            migrationBuilder.CreateIndex(
                name: "IX_UsageRollups_TenantId_HourStart_Feature_Route_Provider_Model_Customer_ApiKeyId",
                table: "UsageRollups",
                columns: new[] { "TenantId", "HourStart", "Feature", "Route", "Provider", "Model", "Customer", "ApiKeyId" },
                unique: true);
        }
    }
}
