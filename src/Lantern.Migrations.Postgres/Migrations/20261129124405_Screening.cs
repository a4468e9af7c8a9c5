using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Screening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ConcernId",
                table: "ChronologyEntries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "ScreeningId",
                table: "ChronologyEntries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CatalogueVersions",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueVersions", x => new { x.OrganisationId, x.Version });
                    table.ForeignKey(
                        name: "FK_CatalogueVersions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildScreenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: true),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    CatalogueVersion = table.Column<int>(type: "integer", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    ChildAgeYears = table.Column<int>(type: "integer", nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    ComputedBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HarmIndicated = table.Column<bool>(type: "boolean", nullable: false),
                    FinalBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EvidenceKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EvidenceSealed = table.Column<byte[]>(type: "bytea", nullable: false),
                    OpinionKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpinionSealed = table.Column<byte[]>(type: "bytea", nullable: false),
                    OverrideReasonKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OverrideReasonSealed = table.Column<byte[]>(type: "bytea", nullable: true),
                    NextScreeningOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ScreenedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ScreenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildScreenings", x => new { x.OrganisationId, x.Id });
                    table.UniqueConstraint("AK_ChildScreenings_Id", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildScreenings_CatalogueVersions_OrganisationId_CatalogueV~",
                        columns: x => new { x.OrganisationId, x.CatalogueVersion },
                        principalTable: "CatalogueVersions",
                        principalColumns: new[] { "OrganisationId", "Version" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildScreenings_Children_OrganisationId_ChildId",
                        columns: x => new { x.OrganisationId, x.ChildId },
                        principalTable: "Children",
                        principalColumns: new[] { "OrganisationId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildScreenings_OrganisationId_CatalogueVersion",
                table: "ChildScreenings",
                columns: new[] { "OrganisationId", "CatalogueVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildScreenings_OrganisationId_ChildId_ScreenedAt",
                table: "ChildScreenings",
                columns: new[] { "OrganisationId", "ChildId", "ScreenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildScreenings_OrganisationId_NextScreeningOn",
                table: "ChildScreenings",
                columns: new[] { "OrganisationId", "NextScreeningOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildScreenings_OrganisationId_ScreenedById_IdempotencyKey",
                table: "ChildScreenings",
                columns: new[] { "OrganisationId", "ScreenedById", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildScreenings");

            migrationBuilder.DropTable(
                name: "CatalogueVersions");

            migrationBuilder.DropColumn(
                name: "ScreeningId",
                table: "ChronologyEntries");

            migrationBuilder.AlterColumn<Guid>(
                name: "ConcernId",
                table: "ChronologyEntries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
