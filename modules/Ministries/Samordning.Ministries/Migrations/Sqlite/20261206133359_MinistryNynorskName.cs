using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Ministries.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class MinistryNynorskName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameNn",
                table: "Ministries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NameNn",
                table: "Ministries");
        }
    }
}
