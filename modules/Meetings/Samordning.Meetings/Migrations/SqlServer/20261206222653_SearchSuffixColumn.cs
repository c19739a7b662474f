using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class SearchSuffixColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "meetings",
                table: "Meetings",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "meetings",
                table: "Entries",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "meetings",
                table: "AgendaItem",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "meetings",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "meetings",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "meetings",
                table: "AgendaItem");
        }
    }
}
