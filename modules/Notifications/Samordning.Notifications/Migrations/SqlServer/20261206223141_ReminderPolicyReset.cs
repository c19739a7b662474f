using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Notifications.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class ReminderPolicyReset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FollowsConfiguration",
                schema: "notifications",
                table: "ReminderPolicies",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowsConfiguration",
                schema: "notifications",
                table: "ReminderPolicies");
        }
    }
}
