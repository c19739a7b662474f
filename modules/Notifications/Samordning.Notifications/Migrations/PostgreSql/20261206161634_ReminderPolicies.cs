using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Notifications.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class ReminderPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReminderPolicies",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Offsets = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WorkingDays = table.Column<bool>(type: "boolean", nullable: false),
                    Overdue = table.Column<bool>(type: "boolean", nullable: false),
                    SendHour = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderPolicies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderPolicies_Kind",
                schema: "notifications",
                table: "ReminderPolicies",
                column: "Kind",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderPolicies",
                schema: "notifications");
        }
    }
}
