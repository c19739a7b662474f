using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class StatusConfirmedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StatusConfirmedAt",
                table: "Initiatives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_StatusConfirmedAt_Id",
                table: "Initiatives",
                columns: new[] { "StatusConfirmedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_StatusConfirmedAt_Id",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "StatusConfirmedAt",
                table: "Initiatives");
        }
    }
}
