using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class MinistryInitiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MinistryInitiatives",
                schema: "workstreams",
                columns: table => new
                {
                    MinistryId = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinistryInitiatives", x => new { x.InitiativeId, x.MinistryId });
                    table.ForeignKey(
                        name: "FK_MinistryInitiatives_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "workstreams",
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every initiative on its owner's list and on each collaborator's (once, should the owner be among them).
            migrationBuilder.Sql(""""
                INSERT INTO workstreams."MinistryInitiatives" ("MinistryId", "InitiativeId", "Phase", "UpdatedAt")
                SELECT "OwningMinistryId", "Id", "Phase", "UpdatedAt" FROM workstreams."Initiatives"
                UNION
                SELECT c."MinistryId", i."Id", i."Phase", i."UpdatedAt"
                FROM workstreams."InitiativeMinistry" AS c JOIN workstreams."Initiatives" AS i ON i."Id" = c."InitiativeId";
                """");

            migrationBuilder.CreateIndex(
                name: "IX_MinistryInitiatives_MinistryId_Phase_UpdatedAt_InitiativeId",
                schema: "workstreams",
                table: "MinistryInitiatives",
                columns: new[] { "MinistryId", "Phase", "UpdatedAt", "InitiativeId" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_MinistryInitiatives_MinistryId_UpdatedAt_InitiativeId",
                schema: "workstreams",
                table: "MinistryInitiatives",
                columns: new[] { "MinistryId", "UpdatedAt", "InitiativeId" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MinistryInitiatives",
                schema: "workstreams");
        }
    }
}
