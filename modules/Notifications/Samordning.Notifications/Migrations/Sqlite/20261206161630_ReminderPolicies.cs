using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Notifications.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ReminderPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReminderPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Offsets = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WorkingDays = table.Column<bool>(type: "INTEGER", nullable: false),
                    Overdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    SendHour = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderPolicies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderPolicies_Kind",
                table: "ReminderPolicies",
                column: "Kind",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderPolicies");
        }
    }
}
