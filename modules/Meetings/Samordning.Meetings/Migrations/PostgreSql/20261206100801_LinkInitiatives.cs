using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class LinkInitiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InitiativeId",
                schema: "meetings",
                table: "Entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkstreamId",
                schema: "meetings",
                table: "Entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeetingInitiative",
                schema: "meetings",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingInitiative", x => new { x.MeetingId, x.InitiativeId });
                    table.ForeignKey(
                        name: "FK_MeetingInitiative_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "meetings",
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_InitiativeId",
                schema: "meetings",
                table: "Entries",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_WorkstreamId",
                schema: "meetings",
                table: "Entries",
                column: "WorkstreamId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInitiative_InitiativeId",
                schema: "meetings",
                table: "MeetingInitiative",
                column: "InitiativeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingInitiative",
                schema: "meetings");

            migrationBuilder.DropIndex(
                name: "IX_Entries_InitiativeId",
                schema: "meetings",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_WorkstreamId",
                schema: "meetings",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "InitiativeId",
                schema: "meetings",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "WorkstreamId",
                schema: "meetings",
                table: "Entries");
        }
    }
}
