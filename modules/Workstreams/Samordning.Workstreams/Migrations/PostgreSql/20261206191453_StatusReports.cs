using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class StatusReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusReports",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MadeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MadeById = table.Column<Guid>(type: "uuid", nullable: true),
                    MadeBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusReportContents",
                schema: "workstreams",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Figures = table.Column<string>(type: "text", nullable: false),
                    Document = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusReportContents", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_StatusReportContents_StatusReports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "workstreams",
                        principalTable: "StatusReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatusReports_MadeAt",
                schema: "workstreams",
                table: "StatusReports",
                column: "MadeAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusReportContents",
                schema: "workstreams");

            migrationBuilder.DropTable(
                name: "StatusReports",
                schema: "workstreams");
        }
    }
}
