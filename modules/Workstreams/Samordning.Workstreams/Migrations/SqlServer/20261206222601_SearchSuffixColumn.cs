using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class SearchSuffixColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "workstreams",
                table: "Workstreams",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "workstreams",
                table: "Initiatives",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "workstreams",
                table: "Workstreams");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "workstreams",
                table: "Initiatives");
        }
    }
}
