using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Workstreams.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Workstreams.Migrations.Sqlite
{
    /// <summary>
    /// Hand-written, SQLite only (no model change): the full-text tables behind search become suffix tables, each
    /// word's suffixes as tokens instead of trigrams (docs/decisions.md, "Search: a suffix index on SQLite").
    /// </summary>
    [DbContext(typeof(SqliteWorkstreamsDbContext))]
    [Migration("20261206190000_SearchSuffixes")]
    internal sealed class SearchSuffixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("Workstreams"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("Initiatives"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Workstreams"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Workstreams"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Initiatives"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Initiatives"));
        }
    }
}
