using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Feedback.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class RegisterOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Items_ReceivedAt_Id",
                schema: "feedback",
                table: "Items",
                columns: new[] { "ReceivedAt", "Id" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_ReceivedAt_Id",
                schema: "feedback",
                table: "Items");
        }
    }
}
