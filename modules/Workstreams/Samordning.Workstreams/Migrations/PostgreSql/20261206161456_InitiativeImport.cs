using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.PostgreSql
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InitiativeImports",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinistryId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinistryCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Headers = table.Column<string>(type: "text", nullable: false),
                    Rows = table.Column<string>(type: "text", nullable: false),
                    Mapping = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
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
                unique: true);

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
