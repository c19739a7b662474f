using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class DashboardVersionAndListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_UpdatedAt",
                schema: "workstreams",
                table: "Initiatives");

            migrationBuilder.CreateTable(
                name: "DashboardVersions",
                schema: "workstreams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                schema: "workstreams",
                table: "DashboardVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_UpdatedAt_Id",
                schema: "workstreams",
                table: "Initiatives",
                columns: new[] { "UpdatedAt", "Id" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DashboardVersions",
                schema: "workstreams");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_UpdatedAt_Id",
                schema: "workstreams",
                table: "Initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_UpdatedAt",
                schema: "workstreams",
                table: "Initiatives",
                column: "UpdatedAt");
        }
    }
}
