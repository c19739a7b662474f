using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Feedback.Data;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Feedback.Migrations.PostgreSql
{
    /// <summary>
    /// Hand-written, PostgreSQL only (no model change): marks the items whose suffix text was cut before the mark
    /// existed (SearchSuffixes.Cut), so the register's search, which takes its candidates from the index, still finds
    /// them by their later words. Only a text of thousands of letters without a space gets there.
    /// </summary>
    [DbContext(typeof(PostgresFeedbackDbContext))]
    [Migration("20261207160000_SearchSuffixesCut")]
    internal sealed class SearchSuffixesCut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SearchFullTextSql.MarkCutPostgreSql("feedback", "Items"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The mark is harmless where no search asks for it; it stays.
        }
    }
}
