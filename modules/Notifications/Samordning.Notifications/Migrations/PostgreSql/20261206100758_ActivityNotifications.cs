using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Notifications.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class ActivityNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                schema: "notifications",
                table: "Mail",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarMethod",
                schema: "notifications",
                table: "Mail",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityPreferences",
                schema: "notifications",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    InApp = table.Column<bool>(type: "boolean", nullable: false),
                    Email = table.Column<bool>(type: "boolean", nullable: false),
                    Digest = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityPreferences", x => new { x.PersonId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "DigestItems",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TitleNb = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MailKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Follows",
                schema: "notifications",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkstreamId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Follows", x => new { x.PersonId, x.WorkstreamId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DigestItems_MailKey",
                schema: "notifications",
                table: "DigestItems",
                column: "MailKey");

            migrationBuilder.CreateIndex(
                name: "IX_DigestItems_PersonId_EventKey",
                schema: "notifications",
                table: "DigestItems",
                columns: new[] { "PersonId", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Follows_WorkstreamId",
                schema: "notifications",
                table: "Follows",
                column: "WorkstreamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityPreferences",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "DigestItems",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "Follows",
                schema: "notifications");

            migrationBuilder.DropColumn(
                name: "Calendar",
                schema: "notifications",
                table: "Mail");

            migrationBuilder.DropColumn(
                name: "CalendarMethod",
                schema: "notifications",
                table: "Mail");
        }
    }
}
