using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Streamis.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalNodeId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "node_id",
                table: "wf_journal",
                type: "TEXT",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "node_id",
                table: "wf_journal");
        }
    }
}
