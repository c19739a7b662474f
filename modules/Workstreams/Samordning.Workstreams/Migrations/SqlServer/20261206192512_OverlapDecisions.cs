using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class OverlapDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OverlapDecisions",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FirstId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SecondId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Verdict = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverlapDecisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OverlapDecisions_FirstId_SecondId",
                schema: "workstreams",
                table: "OverlapDecisions",
                columns: new[] { "FirstId", "SecondId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OverlapDecisions_SecondId",
                schema: "workstreams",
                table: "OverlapDecisions",
                column: "SecondId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OverlapDecisions",
                schema: "workstreams");
        }
    }
}
