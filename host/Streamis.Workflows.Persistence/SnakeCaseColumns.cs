using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Streamis.Workflows.Persistence;

/// <summary>
/// The column naming every module's model uses: snake_case, so hand-written SQL reads the same, unquoted, on
/// SQLite and MySQL.
/// </summary>
public static class SnakeCaseColumns
{
    /// <summary>Renames every column of the model built so far; call it last in OnModelCreating.</summary>
    public static void Apply(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(Of(property.Name));
    }

    public static string Of(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }
}
