using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class RunningConfirmations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId",
                table: "RoundConfirmations");

            migrationBuilder.AddColumn<bool>(
                name: "CountsAsRunning",
                table: "RoundConfirmations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId_CountsAsRunning",
                table: "RoundConfirmations",
                columns: new[] { "RoundId", "MinistryId", "CountsAsRunning" });

            // The confirmations given so far: those of running initiatives still owned by the ministry that gave them.
            migrationBuilder.Sql(""""
                UPDATE "RoundConfirmations" SET "CountsAsRunning" = EXISTS (
                    SELECT 1 FROM "Initiatives" AS i
                    WHERE i."Id" = "RoundConfirmations"."InitiativeId" AND i."OwningMinistryId" = "RoundConfirmations"."MinistryId"
                      AND i."Phase" NOT IN ('Completed', 'Stopped'));
                """");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId_CountsAsRunning",
                table: "RoundConfirmations");

            migrationBuilder.DropColumn(
                name: "CountsAsRunning",
                table: "RoundConfirmations");

            migrationBuilder.CreateIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId",
                table: "RoundConfirmations",
                columns: new[] { "RoundId", "MinistryId" });
        }
    }
}
