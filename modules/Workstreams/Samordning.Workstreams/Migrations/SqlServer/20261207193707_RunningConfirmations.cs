using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class RunningConfirmations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId",
                schema: "workstreams",
                table: "RoundConfirmations");

            migrationBuilder.AddColumn<bool>(
                name: "CountsAsRunning",
                schema: "workstreams",
                table: "RoundConfirmations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId_CountsAsRunning",
                schema: "workstreams",
                table: "RoundConfirmations",
                columns: new[] { "RoundId", "MinistryId", "CountsAsRunning" });

            // The confirmations given so far: those of running initiatives still owned by the ministry that gave them.
            migrationBuilder.Sql(""""
                UPDATE c SET [CountsAsRunning] = CASE WHEN EXISTS (
                    SELECT 1 FROM [workstreams].[Initiatives] AS i
                    WHERE i.[Id] = c.[InitiativeId] AND i.[OwningMinistryId] = c.[MinistryId] AND i.[Phase] NOT IN (N'Completed', N'Stopped')) THEN 1 ELSE 0 END
                FROM [workstreams].[RoundConfirmations] AS c;
                """");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId_CountsAsRunning",
                schema: "workstreams",
                table: "RoundConfirmations");

            migrationBuilder.DropColumn(
                name: "CountsAsRunning",
                schema: "workstreams",
                table: "RoundConfirmations");

            migrationBuilder.CreateIndex(
                name: "IX_RoundConfirmations_RoundId_MinistryId",
                schema: "workstreams",
                table: "RoundConfirmations",
                columns: new[] { "RoundId", "MinistryId" });
        }
    }
}
