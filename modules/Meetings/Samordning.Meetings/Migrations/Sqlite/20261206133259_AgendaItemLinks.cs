using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AgendaItemLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InitiativeId",
                table: "AgendaItem",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkstreamId",
                table: "AgendaItem",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_InitiativeId",
                table: "AgendaItem",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_WorkstreamId",
                table: "AgendaItem",
                column: "WorkstreamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_InitiativeId",
                table: "AgendaItem");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_WorkstreamId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "InitiativeId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "WorkstreamId",
                table: "AgendaItem");
        }
    }
}
