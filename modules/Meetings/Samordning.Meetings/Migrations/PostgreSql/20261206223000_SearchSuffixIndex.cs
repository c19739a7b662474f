using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Meetings.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Meetings.Migrations.PostgreSql
{
    /// <summary>
    /// Hand-written, PostgreSQL only (no model change): the GIN index on each indexed table's suffix text, which
    /// search asks with a prefix query per term (SearchMatch; docs/decisions.md, "Search: a suffix index on
    /// PostgreSQL"). The column came with SearchSuffixColumn; rows from before it get their text at start-up
    /// (SearchIndexBackfill).
    /// </summary>
    [DbContext(typeof(PostgresMeetingsDbContext))]
    [Migration("20261206223000_SearchSuffixIndex")]
    internal sealed class SearchSuffixIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV2("meetings", "Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV2("meetings", "AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV2("meetings", "Entries"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV2("meetings", "Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV2("meetings", "AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV2("meetings", "Entries"));
        }
    }
}
