using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DashboardCountsVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "DashboardVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 2, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_OwningMinistryId_StatusConfirmedAt",
                table: "Initiatives",
                columns: new[] { "OwningMinistryId", "StatusConfirmedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_OwningMinistryId_StatusConfirmedAt",
                table: "Initiatives");

            migrationBuilder.DeleteData(
                table: "DashboardVersions",
                keyColumn: "Id",
                keyValue: 2);
        }
    }
}
