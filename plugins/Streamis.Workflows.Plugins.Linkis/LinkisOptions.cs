using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Streamis.Workflows.Plugins.Linkis.Gateway;

namespace Streamis.Workflows.Plugins.Linkis;

/// <summary>The <c>linkis-flink</c> engine's settings, from the plugin's section <c>Plugins:linkis</c>, checked at start-up.</summary>
public sealed class LinkisOptions
{
    public const string Section = "Plugins:linkis";
    public const string DefaultCheckpointPattern = @"^[\s\S]+?/\w+?/chk-\d+/_metadata$";
    public const string DefaultSavepointPattern = @"^[\s\S]+?/savepoint-[\w-]+/_metadata$";

    /// <summary>The Linkis gateway, e.g. <c>http://linkis-gateway:9001</c> (Streamis' <c>wds.linkis.gateway.url</c>).</summary>
    public required Uri GatewayUrl { get; init; }

    /// <summary>Sent as <c>Token-Code</c> with every call; never logged nor shown in an error.</summary>
    public required string TokenCode { get; init; }

    /// <summary>When set, every call is made as this <c>Token-User</c>; otherwise as the job's submit user, like Streamis.</summary>
    public string? TokenUser { get; init; }

    /// <summary>The Flink engine version: <c>engineType = flink-&lt;version&gt;</c>.</summary>
    public string FlinkVersion { get; init; } = "1.12.2";

    /// <summary>The Linkis release the EngineConns run; 1.1.1 and older get memory in GB and no <c>_FLINK_CONFIG_.</c> prefix.</summary>
    internal LinkisVersion LinkisVersion { get; init; } = LinkisVersion.Default;

    public string LinkisRelease => LinkisVersion.ToString();

    /// <summary>The creator half of the <c>userCreator</c> label (<c>&lt;submit user&gt;-Streamis</c>).</summary>
    public string Creator { get; init; } = "Streamis";

    /// <summary>The optional <c>tenant</c> label (Streamis' <c>wds.streamis.job.tenant.default</c>).</summary>
    public string? Tenant { get; init; }

    /// <summary>Sent as <c>createService</c> with every launch.</summary>
    public string CreateService { get; init; } = "streamis-workflows";

    /// <summary>What replaces spaces in launch parameter values, which Linkis splits on (Streamis' placeholder).</summary>
    public string SpacePlaceholder { get; init; } = @"\0x001";

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a call that is safe to repeat (reads, status, logs, kill) is retried after a transient failure.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>How long a launch waits for its EngineConn to run (Streamis waits without limit); also sent as <c>timeOut</c>.</summary>
    public TimeSpan LaunchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a launch asks for its EngineConn's status while it starts.</summary>
    public TimeSpan StatusPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times the YARN application of a new EngineConn is asked for (Streamis: 6).</summary>
    public int ApplicationInfoAttempts { get; init; } = 6;

    /// <summary>The first wait between two of those attempts; it doubles up to <see cref="ApplicationInfoMaxDelay"/>.</summary>
    public TimeSpan ApplicationInfoDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ApplicationInfoMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a savepoint may take to be written.</summary>
    public TimeSpan SavepointTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The <c>doSavepoint</c> mode of a snapshot and of snapshot-and-stop (Streamis' <c>wds.streamis.launch.flink.savepoint.mode</c>).</summary>
    public string SavepointMode { get; init; } = "trigger";

    /// <summary>Roots of the per-task state folders (§5.2) and how their URIs are written.</summary>
    public string SavepointDirectory { get; init; } = "/flink/flink-savepoints";

    public string CheckpointDirectory { get; init; } = "/flink/flink-checkpoints";

    public string StateScheme { get; init; } = "hdfs";

    public string StateAuthority { get; init; } = "";

    /// <summary>Which files are checkpoints and savepoints (the whole path must match).</summary>
    public Regex CheckpointPattern { get; init; } = new(DefaultCheckpointPattern, RegexOptions.CultureInvariant);

    public Regex SavepointPattern { get; init; } = new(DefaultSavepointPattern, RegexOptions.CultureInvariant);

    /// <summary>
    /// Where the newest state is looked for: <c>Job</c> (every task of the job, so a restart that died before its first
    /// checkpoint does not lose the older state, Streamis issue #63) or <c>Task</c> (the latest task only, as Streamis 0.2.0).
    /// </summary>
    public StateSearchScope StateSearchScope { get; init; } = StateSearchScope.Job;

    /// <summary>How many folder levels below a task's state folder are searched.</summary>
    public int StateSearchDepth { get; init; } = 6;

    /// <summary>The session cookie the gateway issues at login.</summary>
    public string SessionCookie { get; init; } = "linkis_user_session_ticket_id_v1";

    /// <summary>How long a resolved session is remembered.</summary>
    public TimeSpan SessionCacheDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Host roles of a user signed in through a Linkis session (<c>viewer</c>, <c>operator</c>, <c>admin</c>).</summary>
    public IReadOnlyList<string> SessionRoles { get; init; } = ["viewer"];

    /// <summary>Linkis users who get the host's <c>admin</c> role when they come with a session cookie.</summary>
    public IReadOnlyList<string> AdminUsers { get; init; } = [];

    internal LinkisGatewaySettings Gateway => new(GatewayUrl, TokenCode, TokenUser, RequestTimeout, MaxRetries);

    /// <summary>
    /// Reads the section. Null when it is empty: the plugin is then not configured and says so when used. A section that
    /// is there but wrong is refused with every bad key named.
    /// </summary>
    public static LinkisOptions? FromConfiguration(IConfiguration section, string sectionPath = Section)
    {
        var reader = new SettingsReader(section, sectionPath);
        if (reader.IsEmpty) return null;
        var gateway = reader.Url("GatewayUrl", required: true, "to reach Linkis");
        var token = reader.Required("TokenCode", "(the token Linkis' gateway accepts, e.g. its BML-AUTH)");
        var release = reader.Text("LinkisVersion");
        var version = LinkisVersion.Default;
        if (release is not null && !LinkisVersion.TryParse(release, out version)) reader.Problem("LinkisVersion", $"must be a release number such as 1.1.3, not '{release}'");
        var mode = reader.Text("SavepointMode", "trigger").ToLowerInvariant();
        if (mode is not ("trigger" or "cancel" or "stop")) reader.Problem("SavepointMode", $"must be trigger, cancel or stop, not '{mode}'");
        var scopeText = reader.Text("StateSearchScope", nameof(StateSearchScope.Job));
        if (!Enum.TryParse<StateSearchScope>(scopeText, ignoreCase: true, out var scope)) reader.Problem("StateSearchScope", $"must be Job or Task, not '{scopeText}'");
        var scheme = reader.Text("StateScheme", "hdfs");
        if (!Regex.IsMatch(scheme, "^[a-zA-Z][a-zA-Z0-9+.-]*$")) reader.Problem("StateScheme", $"must be a URI scheme such as hdfs, not '{scheme}'");
        var roles = reader.List("SessionRoles");
        foreach (var role in roles.Where(r => r is not ("viewer" or "operator" or "admin")))
            reader.Problem("SessionRoles", $"may hold viewer, operator or admin, not '{role}'");

        var options = new LinkisOptions
        {
            GatewayUrl = gateway!,
            TokenCode = token!,
            TokenUser = reader.Text("TokenUser"),
            FlinkVersion = reader.Text("FlinkVersion", "1.12.2"),
            LinkisVersion = version,
            Creator = reader.Text("Creator", "Streamis"),
            Tenant = reader.Text("Tenant"),
            CreateService = reader.Text("CreateService", "streamis-workflows"),
            SpacePlaceholder = reader.Text("SpacePlaceholder", @"\0x001"),
            RequestTimeout = reader.Duration("RequestTimeout", TimeSpan.FromSeconds(30)),
            MaxRetries = reader.Number("MaxRetries", 3, 0, 10),
            LaunchTimeout = reader.Duration("LaunchTimeout", TimeSpan.FromMinutes(5)),
            StatusPollInterval = reader.Duration("StatusPollInterval", TimeSpan.FromSeconds(2)),
            ApplicationInfoAttempts = reader.Number("ApplicationInfoAttempts", 6, 1, 100),
            ApplicationInfoDelay = reader.Duration("ApplicationInfoDelay", TimeSpan.FromMilliseconds(500)),
            ApplicationInfoMaxDelay = reader.Duration("ApplicationInfoMaxDelay", TimeSpan.FromSeconds(5)),
            SavepointTimeout = reader.Duration("SavepointTimeout", TimeSpan.FromMinutes(10)),
            SavepointMode = mode,
            SavepointDirectory = reader.Text("SavepointDirectory", "/flink/flink-savepoints"),
            CheckpointDirectory = reader.Text("CheckpointDirectory", "/flink/flink-checkpoints"),
            StateScheme = scheme,
            StateAuthority = reader.Text("StateAuthority", ""),
            CheckpointPattern = reader.Pattern("CheckpointPattern", DefaultCheckpointPattern) ?? new Regex(DefaultCheckpointPattern),
            SavepointPattern = reader.Pattern("SavepointPattern", DefaultSavepointPattern) ?? new Regex(DefaultSavepointPattern),
            StateSearchScope = scope,
            StateSearchDepth = reader.Number("StateSearchDepth", 6, 1, 20),
            SessionCookie = reader.Text("SessionCookie", "linkis_user_session_ticket_id_v1"),
            SessionCacheDuration = reader.Duration("SessionCacheDuration", TimeSpan.FromSeconds(30)),
            SessionRoles = roles.Count > 0 ? roles : ["viewer"],
            AdminUsers = reader.List("AdminUsers"),
        };
        reader.ThrowIfInvalid();
        return options;
    }
}
