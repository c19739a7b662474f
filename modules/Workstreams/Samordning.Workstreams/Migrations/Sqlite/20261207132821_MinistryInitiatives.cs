using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class MinistryInitiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MinistryInitiatives",
                columns: table => new
                {
                    MinistryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinistryInitiatives", x => new { x.InitiativeId, x.MinistryId });
                    table.ForeignKey(
                        name: "FK_MinistryInitiatives_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every initiative on its owner's list and on each collaborator's (once, should the owner be among them).
            migrationBuilder.Sql(""""
                INSERT INTO "MinistryInitiatives" ("MinistryId", "InitiativeId", "Phase", "UpdatedAt")
                SELECT "OwningMinistryId", "Id", "Phase", "UpdatedAt" FROM "Initiatives"
                UNION
                SELECT c."MinistryId", i."Id", i."Phase", i."UpdatedAt"
                FROM "InitiativeMinistry" AS c JOIN "Initiatives" AS i ON i."Id" = c."InitiativeId";
                """");

            migrationBuilder.CreateIndex(
                name: "IX_MinistryInitiatives_MinistryId_Phase_UpdatedAt_InitiativeId",
                table: "MinistryInitiatives",
                columns: new[] { "MinistryId", "Phase", "UpdatedAt", "InitiativeId" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_MinistryInitiatives_MinistryId_UpdatedAt_InitiativeId",
                table: "MinistryInitiatives",
                columns: new[] { "MinistryId", "UpdatedAt", "InitiativeId" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MinistryInitiatives");
        }
    }
}
