using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchIndex",
                schema: "meetings",
                table: "Meetings",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchIndex",
                schema: "meetings",
                table: "Entries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchIndex",
                schema: "meetings",
                table: "AgendaItem",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchIndex",
                schema: "meetings",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SearchIndex",
                schema: "meetings",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "SearchIndex",
                schema: "meetings",
                table: "AgendaItem");
        }
    }
}
