using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class SearchFullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQL Server keeps the LIKE scan: nothing to add (docs/decisions.md, "Search: a full-text index per provider").
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQL Server keeps the LIKE scan: nothing to add (docs/decisions.md, "Search: a full-text index per provider").
        }
    }
}
