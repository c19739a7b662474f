using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Workstreams.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Workstreams.Migrations.PostgreSql
{
    /// <summary>
    /// Hand-written, PostgreSQL only (no model change): the initiatives' vectors in a narrow table of their own, kept
    /// in step by a trigger, for the search's capped count (SearchFullTextSql.CreatePostgreSqlCountTable): testing each
    /// row it passes costs about a third of the same test on the wide initiatives table (docs/decisions.md, "Search
    /// connections are a pool of their own" and what follows).
    /// </summary>
    [DbContext(typeof(PostgresWorkstreamsDbContext))]
    [Migration("20261207083000_SearchCountTable")]
    internal sealed class SearchCountTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlCountTable("workstreams", "Initiatives"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlCountTable("workstreams", "Initiatives"));
    }
}
