using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LearningRevocationEvidenceXapi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextForwardAt",
                table: "LearningStatements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DslTraining",
                table: "Completions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceKeyId",
                table: "Completions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EvidenceLength",
                table: "Completions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RevokedById",
                table: "Certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedReason",
                table: "Certificates",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NextForwardAt",
                table: "LearningStatements");

            migrationBuilder.DropColumn(
                name: "DslTraining",
                table: "Completions");

            migrationBuilder.DropColumn(
                name: "EvidenceKeyId",
                table: "Completions");

            migrationBuilder.DropColumn(
                name: "EvidenceLength",
                table: "Completions");

            migrationBuilder.DropColumn(
                name: "RevokedById",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RevokedReason",
                table: "Certificates");
        }
    }
}
