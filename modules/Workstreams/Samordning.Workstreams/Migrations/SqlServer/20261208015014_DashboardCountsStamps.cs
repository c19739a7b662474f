using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class DashboardCountsStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CountsVersion",
                schema: "workstreams",
                table: "PhaseSnapshots",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CountsVersion",
                schema: "workstreams",
                table: "DashboardCells",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_PhaseSnapshots_CountsVersion",
                schema: "workstreams",
                table: "PhaseSnapshots",
                column: "CountsVersion");

            migrationBuilder.CreateIndex(
                name: "IX_DashboardCells_CountsVersion",
                schema: "workstreams",
                table: "DashboardCells",
                column: "CountsVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhaseSnapshots_CountsVersion",
                schema: "workstreams",
                table: "PhaseSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_DashboardCells_CountsVersion",
                schema: "workstreams",
                table: "DashboardCells");

            migrationBuilder.DropColumn(
                name: "CountsVersion",
                schema: "workstreams",
                table: "PhaseSnapshots");

            migrationBuilder.DropColumn(
                name: "CountsVersion",
                schema: "workstreams",
                table: "DashboardCells");
        }
    }
}
