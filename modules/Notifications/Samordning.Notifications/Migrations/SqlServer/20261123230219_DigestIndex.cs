using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Notifications.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class DigestIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderLog_State_RecipientId",
                schema: "notifications",
                table: "ReminderLog");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLog_AwaitingDigest",
                schema: "notifications",
                table: "ReminderLog",
                column: "RecipientId",
                filter: "\"State\" = 'AwaitingDigest'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderLog_AwaitingDigest",
                schema: "notifications",
                table: "ReminderLog");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLog_State_RecipientId",
                schema: "notifications",
                table: "ReminderLog",
                columns: new[] { "State", "RecipientId" });
        }
    }
}
