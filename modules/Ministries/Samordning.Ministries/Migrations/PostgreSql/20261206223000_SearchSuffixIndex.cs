using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Ministries.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Ministries.Migrations.PostgreSql
{
    /// <summary>
    /// Hand-written, PostgreSQL only (no model change): the GIN index on each indexed table's suffix text, which
    /// search asks with a prefix query per term (SearchMatch; docs/decisions.md, "Search: a suffix index on
    /// PostgreSQL"). The column came with SearchSuffixColumn; rows from before it get their text at start-up
    /// (SearchIndexBackfill).
    /// </summary>
    [DbContext(typeof(PostgresMinistriesDbContext))]
    [Migration("20261206223000_SearchSuffixIndex")]
    internal sealed class SearchSuffixIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV2("ministries", "Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV2("ministries", "Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV2("ministries", "People"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV2("ministries", "Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV2("ministries", "Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV2("ministries", "People"));
        }
    }
}
