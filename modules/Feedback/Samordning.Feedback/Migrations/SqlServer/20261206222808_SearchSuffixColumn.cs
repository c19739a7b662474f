using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Feedback.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class SearchSuffixColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "feedback",
                table: "Items",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSuffixes",
                schema: "feedback",
                table: "FeedbackAnswer",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "feedback",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "SearchSuffixes",
                schema: "feedback",
                table: "FeedbackAnswer");
        }
    }
}
