using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Ministries.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Ministries.Migrations.PostgreSql
{
    /// <summary>
    /// Hand-written, PostgreSQL only (no model change): the GIN index on each indexed table's suffix text, which
    /// search asks with a prefix query per term (SearchMatch; docs/decisions.md, "A suffix index on PostgreSQL"),
    /// in place of the trigram index (as SQLite's suffix tables replaced its trigram tables): the planner took that
    /// for the title-first LIKE and then read the suffixes of every hit, and every write paid for it. The column
    /// came with SearchSuffixColumn; rows from before it get their text at start-up (SearchIndexBackfill).
    /// </summary>
    [DbContext(typeof(PostgresMinistriesDbContext))]
    [Migration("20261206223000_SearchSuffixIndex")]
    internal sealed class SearchSuffixIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV2("ministries", "Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV1("ministries", "Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV2("ministries", "Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV1("ministries", "Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV2("ministries", "People"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV1("ministries", "People"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV2("ministries", "Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV1("ministries", "Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV2("ministries", "Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV1("ministries", "Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV2("ministries", "People"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV1("ministries", "People"));
        }
    }
}
