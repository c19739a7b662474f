using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class StatusConfirmedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusConfirmedAt",
                schema: "workstreams",
                table: "Initiatives",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_StatusConfirmedAt_Id",
                schema: "workstreams",
                table: "Initiatives",
                columns: new[] { "StatusConfirmedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_StatusConfirmedAt_Id",
                schema: "workstreams",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "StatusConfirmedAt",
                schema: "workstreams",
                table: "Initiatives");
        }
    }
}
