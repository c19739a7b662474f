using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Ministries.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SearchSuffixColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                table: "Ministries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                table: "Agencies",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                table: "Ministries");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                table: "Agencies");
        }
    }
}
