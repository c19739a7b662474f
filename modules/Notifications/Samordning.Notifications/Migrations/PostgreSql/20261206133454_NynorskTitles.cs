using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Notifications.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class NynorskTitles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleNn",
                schema: "notifications",
                table: "ReminderLog",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleNn",
                schema: "notifications",
                table: "Notifications",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleNn",
                schema: "notifications",
                table: "DigestItems",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TitleNn",
                schema: "notifications",
                table: "ReminderLog");

            migrationBuilder.DropColumn(
                name: "TitleNn",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "TitleNn",
                schema: "notifications",
                table: "DigestItems");
        }
    }
}
