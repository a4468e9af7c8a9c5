using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Concerns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Children",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    AgeYears = table.Column<int>(type: "integer", nullable: true),
                    AgeGivenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SendOrDisability = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    CommunicationNeeds = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    KnownToSocialCare = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SocialWorkerName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SocialWorkerContact = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ChildProtectionPlan = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LookedAfter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ParentalResponsibility = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Children", x => new { x.OrganisationId, x.Id });
                    table.UniqueConstraint("AK_Children_Id", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Children_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConcernAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    ContentKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentSealed = table.Column<byte[]>(type: "bytea", nullable: false),
                    AddedById = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernAttachments", x => new { x.OrganisationId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "ConcernDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContentKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentSealed = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernDrafts", x => new { x.OrganisationId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "ConcernReferenceCounters",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernReferenceCounters", x => new { x.OrganisationId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Concerns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    AboutStaff = table.Column<bool>(type: "boolean", nullable: false),
                    SubjectPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Route = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RoutedToPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Categories = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    WhatHappenedKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WhatHappenedSealed = table.Column<byte[]>(type: "bytea", nullable: false),
                    ChildsWordsKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChildsWordsSealed = table.Column<byte[]>(type: "bytea", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OccurredTimeKnown = table.Column<bool>(type: "boolean", nullable: false),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    WhoWasPresent = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    RaisedBy = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Indicators = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstOpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstOpenedById = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Concerns", x => new { x.OrganisationId, x.Id });
                    table.UniqueConstraint("AK_Concerns_Id", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Concerns_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "SafeguardingSettings",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AllegationsLeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    SocialCareFrontDoorPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SocialCareOutOfHoursPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UrgentEscalationMinutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingSettings", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_SafeguardingSettings_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChronologyEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    AddendumId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChronologyEntries", x => new { x.OrganisationId, x.Id });
                    table.ForeignKey(
                        name: "FK_ChronologyEntries_Children_OrganisationId_ChildId",
                        columns: x => new { x.OrganisationId, x.ChildId },
                        principalTable: "Children",
                        principalColumns: new[] { "OrganisationId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Addenda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    TextKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TextSealed = table.Column<byte[]>(type: "bytea", nullable: false),
                    AddedById = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Addenda", x => new { x.OrganisationId, x.Id });
                    table.ForeignKey(
                        name: "FK_Addenda_Concerns_OrganisationId_ConcernId",
                        columns: x => new { x.OrganisationId, x.ConcernId },
                        principalTable: "Concerns",
                        principalColumns: new[] { "OrganisationId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConcernChildren",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernChildren", x => new { x.OrganisationId, x.ConcernId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_ConcernChildren_Children_OrganisationId_ChildId",
                        columns: x => new { x.OrganisationId, x.ChildId },
                        principalTable: "Children",
                        principalColumns: new[] { "OrganisationId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConcernChildren_Concerns_OrganisationId_ConcernId",
                        columns: x => new { x.OrganisationId, x.ConcernId },
                        principalTable: "Concerns",
                        principalColumns: new[] { "OrganisationId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RationaleKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RationaleSealed = table.Column<byte[]>(type: "bytea", nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => new { x.OrganisationId, x.Id });
                    table.ForeignKey(
                        name: "FK_Decisions_Concerns_OrganisationId_ConcernId",
                        columns: x => new { x.OrganisationId, x.ConcernId },
                        principalTable: "Concerns",
                        principalColumns: new[] { "OrganisationId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Addenda_OrganisationId_ConcernId_AddedAt",
                table: "Addenda",
                columns: new[] { "OrganisationId", "ConcernId", "AddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Children_OrganisationId_Name",
                table: "Children",
                columns: new[] { "OrganisationId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEntries_OrganisationId_ChildId_OccurredAt",
                table: "ChronologyEntries",
                columns: new[] { "OrganisationId", "ChildId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernAttachments_OrganisationId_ConcernId",
                table: "ConcernAttachments",
                columns: new[] { "OrganisationId", "ConcernId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernAttachments_OrganisationId_DraftId",
                table: "ConcernAttachments",
                columns: new[] { "OrganisationId", "DraftId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernChildren_OrganisationId_ChildId",
                table: "ConcernChildren",
                columns: new[] { "OrganisationId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernDrafts_ExpiresAt",
                table: "ConcernDrafts",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernDrafts_OrganisationId_AuthorId_UpdatedAt",
                table: "ConcernDrafts",
                columns: new[] { "OrganisationId", "AuthorId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_OrganisationId_RecordedById_IdempotencyKey",
                table: "Concerns",
                columns: new[] { "OrganisationId", "RecordedById", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_OrganisationId_Reference",
                table: "Concerns",
                columns: new[] { "OrganisationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_OrganisationId_Status_Urgent_RecordedAt",
                table: "Concerns",
                columns: new[] { "OrganisationId", "Status", "Urgent", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_OrganisationId_ConcernId_DecidedAt",
                table: "Decisions",
                columns: new[] { "OrganisationId", "ConcernId", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Addenda");

            migrationBuilder.DropTable(
                name: "ChronologyEntries");

            migrationBuilder.DropTable(
                name: "ConcernAttachments");

            migrationBuilder.DropTable(
                name: "ConcernChildren");

            migrationBuilder.DropTable(
                name: "ConcernDrafts");

            migrationBuilder.DropTable(
                name: "ConcernReferenceCounters");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "SafeguardingSettings");

            migrationBuilder.DropTable(
                name: "Children");

            migrationBuilder.DropTable(
                name: "Concerns");
        }
    }
}
