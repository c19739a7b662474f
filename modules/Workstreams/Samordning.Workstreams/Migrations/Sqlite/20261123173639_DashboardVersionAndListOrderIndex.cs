using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DashboardVersionAndListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_UpdatedAt",
                table: "Initiatives");

            migrationBuilder.CreateTable(
                name: "DashboardVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DashboardVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_UpdatedAt_Id",
                table: "Initiatives",
                columns: new[] { "UpdatedAt", "Id" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DashboardVersions");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_UpdatedAt_Id",
                table: "Initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_UpdatedAt",
                table: "Initiatives",
                column: "UpdatedAt");
        }
    }
}
