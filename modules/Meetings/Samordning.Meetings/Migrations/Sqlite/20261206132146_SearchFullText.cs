using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Meetings.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SearchFullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The FTS5 trigram tables behind search, kept in step by triggers (docs/decisions.md, "Search: a full-text index per provider").
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Entries"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Entries"));
        }
    }
}
