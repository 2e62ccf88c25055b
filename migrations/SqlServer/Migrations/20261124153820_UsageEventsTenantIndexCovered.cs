using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class UsageEventsTenantIndexCovered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UsageEvents_TenantId",
                table: "UsageEvents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_UsageEvents_TenantId",
                table: "UsageEvents",
                column: "TenantId");
        }
    }
}
