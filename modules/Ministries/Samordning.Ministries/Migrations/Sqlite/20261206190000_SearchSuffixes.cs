using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Ministries.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Ministries.Migrations.Sqlite
{
    /// <summary>
    /// Hand-written, SQLite only (no model change): the full-text tables behind search become suffix tables, each
    /// word's suffixes as tokens instead of trigrams (docs/decisions.md, "Search: a suffix index on SQLite").
    /// </summary>
    [DbContext(typeof(SqliteMinistriesDbContext))]
    [Migration("20261206190000_SearchSuffixes")]
    internal sealed class SearchSuffixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("People"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("People"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("People"));
        }
    }
}
