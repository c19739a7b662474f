using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AgendaItemLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InitiativeId",
                schema: "meetings",
                table: "AgendaItem",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkstreamId",
                schema: "meetings",
                table: "AgendaItem",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_InitiativeId",
                schema: "meetings",
                table: "AgendaItem",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_WorkstreamId",
                schema: "meetings",
                table: "AgendaItem",
                column: "WorkstreamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_InitiativeId",
                schema: "meetings",
                table: "AgendaItem");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_WorkstreamId",
                schema: "meetings",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "InitiativeId",
                schema: "meetings",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "WorkstreamId",
                schema: "meetings",
                table: "AgendaItem");
        }
    }
}
