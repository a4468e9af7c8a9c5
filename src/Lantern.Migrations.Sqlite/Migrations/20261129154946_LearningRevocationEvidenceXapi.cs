using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LearningRevocationEvidenceXapi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NextForwardAt",
                table: "LearningStatements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DslTraining",
                table: "Completions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceKeyId",
                table: "Completions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EvidenceLength",
                table: "Completions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RevokedById",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedReason",
                table: "Certificates",
                type: "TEXT",
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
