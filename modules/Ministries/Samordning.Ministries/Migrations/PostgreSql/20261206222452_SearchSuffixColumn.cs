using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Ministries.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class SearchSuffixColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "ministries",
                table: "People",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "ministries",
                table: "Ministries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "ministries",
                table: "Agencies",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "ministries",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "ministries",
                table: "Ministries");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "ministries",
                table: "Agencies");
        }
    }
}
