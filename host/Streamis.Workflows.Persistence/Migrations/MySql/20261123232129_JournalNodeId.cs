using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Streamis.Workflows.Persistence.Migrations.MySql
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
                type: "varchar(128)",
                maxLength: 128,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");
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
