using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Feedback.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class RegisterRoundStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Items_RoundId_Status_ReceivedAt_Id",
                schema: "feedback",
                table: "Items",
                columns: new[] { "RoundId", "Status", "ReceivedAt", "Id" },
                descending: new[] { false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_RoundId_Status_ReceivedAt_Id",
                schema: "feedback",
                table: "Items");
        }
    }
}
