namespace Streamis.Workflows.Host.Login;

/// <summary>
/// <c>Streamis.Workflows.Host hash-password</c>: reads a password from standard input (never from the command line,
/// which shells keep in their history) and prints the hash to put in <c>Login:Users:n:PasswordHash</c>.
/// </summary>
public static class PasswordHashCommand
{
    public const string Name = "hash-password";

    public static bool TryRun(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args is not [Name, ..]) return false;
        if (!Console.IsInputRedirected) error.Write("Password: ");
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("hash-password: no password was given on standard input");
            Environment.ExitCode = 2;
            return true;
        }
        output.WriteLine(PasswordCheck.Hash(password));
        return true;
    }
}
