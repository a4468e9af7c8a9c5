using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TickedWarningSigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IndicatorCatalogueVersion",
                table: "Concerns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IndicatorIds",
                table: "Concerns",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_OrganisationId_IndicatorCatalogueVersion",
                table: "Concerns",
                columns: new[] { "OrganisationId", "IndicatorCatalogueVersion" });

            migrationBuilder.AddForeignKey(
                name: "FK_Concerns_CatalogueVersions_OrganisationId_IndicatorCatalogueVersion",
                table: "Concerns",
                columns: new[] { "OrganisationId", "IndicatorCatalogueVersion" },
                principalTable: "CatalogueVersions",
                principalColumns: new[] { "OrganisationId", "Version" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Concerns_CatalogueVersions_OrganisationId_IndicatorCatalogueVersion",
                table: "Concerns");

            migrationBuilder.DropIndex(
                name: "IX_Concerns_OrganisationId_IndicatorCatalogueVersion",
                table: "Concerns");

            migrationBuilder.DropColumn(
                name: "IndicatorCatalogueVersion",
                table: "Concerns");

            migrationBuilder.DropColumn(
                name: "IndicatorIds",
                table: "Concerns");
        }
    }
}
