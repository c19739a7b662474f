using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class InitiativeImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InitiativeImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinistryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinistryCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Headers = table.Column<string>(type: "TEXT", nullable: false),
                    Rows = table.Column<string>(type: "TEXT", nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeImports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_OwningMinistryId_Reference",
                table: "Initiatives",
                columns: new[] { "OwningMinistryId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeImports_ExpiresAt",
                table: "InitiativeImports",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InitiativeImports");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_OwningMinistryId_Reference",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Initiatives");
        }
    }
}
