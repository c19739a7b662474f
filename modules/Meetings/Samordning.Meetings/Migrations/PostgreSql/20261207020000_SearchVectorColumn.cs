using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Meetings.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Meetings.Migrations.PostgreSql
{
    /// <summary>
    /// Hand-written, PostgreSQL only (no model change): the suffix text kept as a stored <c>tsvector</c> column that
    /// the GIN index covers, in place of the index on the text read as a <c>tsvector</c> (SearchFullTextSql.CreatePostgreSqlV3):
    /// a count capped at the hits a page can show, and a walk in date order, test rows outside the index, and reading
    /// the text as a vector each time cost some 25 times the stored vector (docs/decisions.md, "Search counts up to
    /// what it shows").
    /// </summary>
    [DbContext(typeof(PostgresMeetingsDbContext))]
    [Migration("20261207020000_SearchVectorColumn")]
    internal sealed class SearchVectorColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV3("meetings", "Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV3("meetings", "AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV3("meetings", "Entries"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV3("meetings", "Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV3("meetings", "AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV3("meetings", "Entries"));
        }
    }
}
