using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DashboardCells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MinistryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinistryCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    WorkstreamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardCells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Initiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OwningMinistryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwningMinistryCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContactPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContactPersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExpectedResults = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AchievedResults = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Initiatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhaseSnapshots",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseSnapshots", x => new { x.Day, x.Phase });
                });

            migrationBuilder.CreateTable(
                name: "ReportingRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Chapter = table.Column<int>(type: "INTEGER", nullable: true),
                    TitleNb = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workstreams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeAgency",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeAgency", x => new { x.InitiativeId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_InitiativeAgency_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeLink",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InitiativeLink_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeMinistry",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinistryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinistryCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeMinistry", x => new { x.InitiativeId, x.MinistryId });
                    table.ForeignKey(
                        name: "FK_InitiativeMinistry_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeTag",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeTag", x => new { x.InitiativeId, x.Tag });
                    table.ForeignKey(
                        name: "FK_InitiativeTag_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MinistryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressEntries_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundConfirmations",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinistryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundConfirmations", x => new { x.RoundId, x.InitiativeId });
                    table.ForeignKey(
                        name: "FK_RoundConfirmations_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundConfirmations_ReportingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundSubmissions",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinistryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinistryCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundSubmissions", x => new { x.RoundId, x.MinistryId });
                    table.ForeignKey(
                        name: "FK_RoundSubmissions_ReportingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeWorkstream",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkstreamId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeWorkstream", x => new { x.InitiativeId, x.WorkstreamId });
                    table.ForeignKey(
                        name: "FK_InitiativeWorkstream_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitiativeWorkstream_Workstreams_WorkstreamId",
                        column: x => x.WorkstreamId,
                        principalTable: "Workstreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_EntityId_Id",
                table: "AuditLog",
                columns: new[] { "EntityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DashboardCells_MinistryId_WorkstreamId_Phase_Status",
                table: "DashboardCells",
                columns: new[] { "MinistryId", "WorkstreamId", "Phase", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeLink_InitiativeId",
                table: "InitiativeLink",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeMinistry_MinistryId",
                table: "InitiativeMinistry",
                column: "MinistryId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_OwningMinistryId_Phase",
                table: "Initiatives",
                columns: new[] { "OwningMinistryId", "Phase" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_UpdatedAt",
                table: "Initiatives",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeTag_Tag",
                table: "InitiativeTag",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeWorkstream_WorkstreamId",
                table: "InitiativeWorkstream",
                column: "WorkstreamId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressEntries_InitiativeId_At",
                table: "ProgressEntries",
                columns: new[] { "InitiativeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingRounds_Deadline",
                table: "ReportingRounds",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_RoundConfirmations_InitiativeId",
                table: "RoundConfirmations",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId",
                table: "RoundConfirmations",
                columns: new[] { "RoundId", "MinistryId" });

            migrationBuilder.CreateIndex(
                name: "IX_Workstreams_TitleNb",
                table: "Workstreams",
                column: "TitleNb",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "DashboardCells");

            migrationBuilder.DropTable(
                name: "InitiativeAgency");

            migrationBuilder.DropTable(
                name: "InitiativeLink");

            migrationBuilder.DropTable(
                name: "InitiativeMinistry");

            migrationBuilder.DropTable(
                name: "InitiativeTag");

            migrationBuilder.DropTable(
                name: "InitiativeWorkstream");

            migrationBuilder.DropTable(
                name: "PhaseSnapshots");

            migrationBuilder.DropTable(
                name: "ProgressEntries");

            migrationBuilder.DropTable(
                name: "RoundConfirmations");

            migrationBuilder.DropTable(
                name: "RoundSubmissions");

            migrationBuilder.DropTable(
                name: "Workstreams");

            migrationBuilder.DropTable(
                name: "Initiatives");

            migrationBuilder.DropTable(
                name: "ReportingRounds");
        }
    }
}
