using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Feedback.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Feedback.Migrations.Sqlite
{
    /// <summary>
    /// Hand-written, SQLite only (no model change): the full-text tables behind search become suffix tables, each
    /// word's suffixes as tokens instead of trigrams (docs/decisions.md, "Search: a suffix index on SQLite").
    /// </summary>
    [DbContext(typeof(SqliteFeedbackDbContext))]
    [Migration("20261206190000_SearchSuffixes")]
    internal sealed class SearchSuffixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("Items"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV2("FeedbackAnswer"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Items"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Items"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("FeedbackAnswer"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("FeedbackAnswer"));
        }
    }
}
