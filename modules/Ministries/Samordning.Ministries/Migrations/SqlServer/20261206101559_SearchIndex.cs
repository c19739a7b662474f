using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Ministries.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchIndex",
                schema: "ministries",
                table: "People",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchIndex",
                schema: "ministries",
                table: "Ministries",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchIndex",
                schema: "ministries",
                table: "Agencies",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchIndex",
                schema: "ministries",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SearchIndex",
                schema: "ministries",
                table: "Ministries");

            migrationBuilder.DropColumn(
                name: "SearchIndex",
                schema: "ministries",
                table: "Agencies");
        }
    }
}
