using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class InitiativeImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                schema: "workstreams",
                table: "Initiatives",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InitiativeImports",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinistryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinistryCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Headers = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Rows = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Mapping = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Created = table.Column<int>(type: "int", nullable: false),
                    Updated = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeImports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_OwningMinistryId_Reference",
                schema: "workstreams",
                table: "Initiatives",
                columns: new[] { "OwningMinistryId", "Reference" },
                unique: true,
                filter: "[Reference] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeImports_ExpiresAt",
                schema: "workstreams",
                table: "InitiativeImports",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InitiativeImports",
                schema: "workstreams");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_OwningMinistryId_Reference",
                schema: "workstreams",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "Reference",
                schema: "workstreams",
                table: "Initiatives");
        }
    }
}
