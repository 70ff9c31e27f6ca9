using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Streamis.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wf_journal_batches",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    first_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    node_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lines = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_journal_batches", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wf_journal_batches_instance_id_first_sequence",
                table: "wf_journal_batches",
                columns: new[] { "instance_id", "first_sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_journal_batches");
        }
    }
}
