using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SupplierDialogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupplierDialogues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RegistrationDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxSlotsPerSupplier = table.Column<int>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierDialogues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DialogueInformation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DialogueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DocumentReference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedQuestionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueInformation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueInformation_SupplierDialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "SupplierDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialogueQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DialogueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceInformationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueQuestions_SupplierDialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "SupplierDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialogueSlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DialogueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    VideoLink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueSlots_SupplierDialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "SupplierDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialogueSuppliers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DialogueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Bookings = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueSuppliers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueSuppliers_SupplierDialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "SupplierDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DialogueInformation_DialogueId",
                table: "DialogueInformation",
                column: "DialogueId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueInformation_SlotId",
                table: "DialogueInformation",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueQuestions_DialogueId",
                table: "DialogueQuestions",
                column: "DialogueId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSlots_DialogueId_StartsAt",
                table: "DialogueSlots",
                columns: new[] { "DialogueId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSlots_SupplierId",
                table: "DialogueSlots",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSuppliers_DialogueId_OrganisationNumber",
                table: "DialogueSuppliers",
                columns: new[] { "DialogueId", "OrganisationNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSuppliers_TokenHash",
                table: "DialogueSuppliers",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DialogueInformation");

            migrationBuilder.DropTable(
                name: "DialogueQuestions");

            migrationBuilder.DropTable(
                name: "DialogueSlots");

            migrationBuilder.DropTable(
                name: "DialogueSuppliers");

            migrationBuilder.DropTable(
                name: "SupplierDialogues");
        }
    }
}
