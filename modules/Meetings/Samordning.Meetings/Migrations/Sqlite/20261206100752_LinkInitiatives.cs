using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class LinkInitiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InitiativeId",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkstreamId",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeetingInitiative",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingInitiative", x => new { x.MeetingId, x.InitiativeId });
                    table.ForeignKey(
                        name: "FK_MeetingInitiative_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_InitiativeId",
                table: "Entries",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_WorkstreamId",
                table: "Entries",
                column: "WorkstreamId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInitiative_InitiativeId",
                table: "MeetingInitiative",
                column: "InitiativeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingInitiative");

            migrationBuilder.DropIndex(
                name: "IX_Entries_InitiativeId",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_WorkstreamId",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "InitiativeId",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "WorkstreamId",
                table: "Entries");
        }
    }
}
