using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Workstreams.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class BackfillStatusConfirmedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Until now an initiative's last change was the last word on its status: the best start for its age.
            migrationBuilder.Sql(""""
                UPDATE workstreams."Initiatives" SET "StatusConfirmedAt" = "UpdatedAt";
                """");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
