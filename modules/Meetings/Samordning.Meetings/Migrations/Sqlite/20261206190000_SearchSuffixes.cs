using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Meetings.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Meetings.Migrations.Sqlite
{
    /// <summary>
    /// Hand-written, SQLite only (no model change): the full-text tables behind search become suffix tables, each
    /// word's suffixes as tokens instead of trigrams (docs/decisions.md, "Search: a suffix index on SQLite").
    /// </summary>
    [DbContext(typeof(SqliteMeetingsDbContext))]
    [Migration("20261206190000_SearchSuffixes")]
    internal sealed class SearchSuffixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("Entries"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Entries"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Entries"));
        }
    }
}
