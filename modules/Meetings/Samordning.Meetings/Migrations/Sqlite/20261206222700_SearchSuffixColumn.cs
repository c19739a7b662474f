using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SearchSuffixColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                table: "AgendaItem",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                table: "AgendaItem");
        }
    }
}
