using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class UnconfirmedByTitleIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_OwningMinistryId_Title_Id_Phase",
                table: "Initiatives",
                columns: new[] { "OwningMinistryId", "Title", "Id", "Phase" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_OwningMinistryId_Title_Id_Phase",
                table: "Initiatives");
        }
    }
}
