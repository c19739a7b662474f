using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DashboardCountsStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CountsVersion",
                table: "PhaseSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CountsVersion",
                table: "DashboardCells",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_PhaseSnapshots_CountsVersion",
                table: "PhaseSnapshots",
                column: "CountsVersion");

            migrationBuilder.CreateIndex(
                name: "IX_DashboardCells_CountsVersion",
                table: "DashboardCells",
                column: "CountsVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhaseSnapshots_CountsVersion",
                table: "PhaseSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_DashboardCells_CountsVersion",
                table: "DashboardCells");

            migrationBuilder.DropColumn(
                name: "CountsVersion",
                table: "PhaseSnapshots");

            migrationBuilder.DropColumn(
                name: "CountsVersion",
                table: "DashboardCells");
        }
    }
}
