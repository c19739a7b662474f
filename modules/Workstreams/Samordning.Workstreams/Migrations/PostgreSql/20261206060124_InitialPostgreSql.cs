using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samordning.Workstreams.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "workstreams");

            migrationBuilder.CreateTable(
                name: "AuditLog",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Entity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DashboardCells",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MinistryId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinistryCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    WorkstreamId = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardCells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DashboardVersions",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Initiatives",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OwningMinistryId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwningMinistryCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ContactPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactPersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExpectedResults = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AchievedResults = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Initiatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhaseSnapshots",
                schema: "workstreams",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseSnapshots", x => new { x.Day, x.Phase });
                });

            migrationBuilder.CreateTable(
                name: "ReportingRounds",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Workstreams",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Chapter = table.Column<int>(type: "integer", nullable: true),
                    TitleNb = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OwnerPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workstreams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeAgency",
                schema: "workstreams",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeAgency", x => new { x.InitiativeId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_InitiativeAgency_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "workstreams",
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeLink",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InitiativeLink_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "workstreams",
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeMinistry",
                schema: "workstreams",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinistryId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinistryCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeMinistry", x => new { x.InitiativeId, x.MinistryId });
                    table.ForeignKey(
                        name: "FK_InitiativeMinistry_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "workstreams",
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeTag",
                schema: "workstreams",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tag = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeTag", x => new { x.InitiativeId, x.Tag });
                    table.ForeignKey(
                        name: "FK_InitiativeTag_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "workstreams",
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressEntries",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MinistryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressEntries_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "workstreams",
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundConfirmations",
                schema: "workstreams",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinistryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundConfirmations", x => new { x.RoundId, x.InitiativeId });
                    table.ForeignKey(
                        name: "FK_RoundConfirmations_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "workstreams",
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundConfirmations_ReportingRounds_RoundId",
                        column: x => x.RoundId,
                        principalSchema: "workstreams",
                        principalTable: "ReportingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundSubmissions",
                schema: "workstreams",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinistryId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinistryCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundSubmissions", x => new { x.RoundId, x.MinistryId });
                    table.ForeignKey(
                        name: "FK_RoundSubmissions_ReportingRounds_RoundId",
                        column: x => x.RoundId,
                        principalSchema: "workstreams",
                        principalTable: "ReportingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeWorkstream",
                schema: "workstreams",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkstreamId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeWorkstream", x => new { x.InitiativeId, x.WorkstreamId });
                    table.ForeignKey(
                        name: "FK_InitiativeWorkstream_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "workstreams",
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitiativeWorkstream_Workstreams_WorkstreamId",
                        column: x => x.WorkstreamId,
                        principalSchema: "workstreams",
                        principalTable: "Workstreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                schema: "workstreams",
                table: "DashboardVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_EntityId_Id",
                schema: "workstreams",
                table: "AuditLog",
                columns: new[] { "EntityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DashboardCells_MinistryId_WorkstreamId_Phase_Status",
                schema: "workstreams",
                table: "DashboardCells",
                columns: new[] { "MinistryId", "WorkstreamId", "Phase", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeLink_InitiativeId",
                schema: "workstreams",
                table: "InitiativeLink",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeMinistry_MinistryId",
                schema: "workstreams",
                table: "InitiativeMinistry",
                column: "MinistryId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_OwningMinistryId_Phase",
                schema: "workstreams",
                table: "Initiatives",
                columns: new[] { "OwningMinistryId", "Phase" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_UpdatedAt_Id",
                schema: "workstreams",
                table: "Initiatives",
                columns: new[] { "UpdatedAt", "Id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeTag_Tag",
                schema: "workstreams",
                table: "InitiativeTag",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeWorkstream_WorkstreamId",
                schema: "workstreams",
                table: "InitiativeWorkstream",
                column: "WorkstreamId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_NextAttemptAt",
                schema: "workstreams",
                table: "Outbox",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressEntries_InitiativeId_At",
                schema: "workstreams",
                table: "ProgressEntries",
                columns: new[] { "InitiativeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingRounds_Deadline",
                schema: "workstreams",
                table: "ReportingRounds",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_RoundConfirmations_InitiativeId",
                schema: "workstreams",
                table: "RoundConfirmations",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId",
                schema: "workstreams",
                table: "RoundConfirmations",
                columns: new[] { "RoundId", "MinistryId" });

            migrationBuilder.CreateIndex(
                name: "IX_Workstreams_TitleNb",
                schema: "workstreams",
                table: "Workstreams",
                column: "TitleNb",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "DashboardCells",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "DashboardVersions",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "InitiativeAgency",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "InitiativeLink",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "InitiativeMinistry",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "InitiativeTag",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "InitiativeWorkstream",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "Outbox",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "PhaseSnapshots",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "ProgressEntries",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "RoundConfirmations",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "RoundSubmissions",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "Workstreams",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "Initiatives",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "ReportingRounds",
                schema: "workstreams");
        }
    }
}
