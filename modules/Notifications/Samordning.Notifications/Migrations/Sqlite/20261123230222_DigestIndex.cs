using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Notifications.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DigestIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderLog_State_RecipientId",
                table: "ReminderLog");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLog_AwaitingDigest",
                table: "ReminderLog",
                column: "RecipientId",
                filter: "\"State\" = 'AwaitingDigest'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderLog_AwaitingDigest",
                table: "ReminderLog");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLog_State_RecipientId",
                table: "ReminderLog",
                columns: new[] { "State", "RecipientId" });
        }
    }
}
