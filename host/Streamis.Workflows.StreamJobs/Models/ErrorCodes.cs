namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>Streamis' error codes where it has one; the rest are ours, kept in Streamis' ranges.</summary>
public static class ErrorCodes
{
    /// <summary>Missing or bad job definition field (Streamis 30030).</summary>
    public const int JobDefinition = 30030;

    /// <summary>Job exists but the change is not allowed (type changed, task running).</summary>
    public const int JobConflict = 30031;

    public const int JobNotFound = 30032;

    /// <summary>Upload failed (Streamis 30300): not a readable zip, limits exceeded, unsafe entry names.</summary>
    public const int UploadFailed = 30300;

    /// <summary>The uploaded file is not a .zip (Streamis 30302).</summary>
    public const int UploadNotZip = 30302;

    public const int TaskConflict = 30350;

    /// <summary>Unknown status code (Streamis 30351).</summary>
    public const int UnknownStatus = 30351;

    public const int TaskNotFound = 30352;

    /// <summary>Unknown jobContent type (Streamis 30500).</summary>
    public const int JobContent = 30500;

    /// <summary>A file name in the zip breaks the naming rules (Streamis 30601).</summary>
    public const int FileName = 30601;

    /// <summary>meta.json missing from the zip (Streamis 30603).</summary>
    public const int MetaJsonMissing = 30603;

    /// <summary>A bad project resource file upload (name, version, comment, size).</summary>
    public const int ProjectFile = 30304;

    public const int ConfigInvalid = 30700;

    public const int ConfigDefinition = 30701;

    /// <summary>Project name already used (Streamis 600500).</summary>
    public const int ProjectNameExists = 600500;

    public const int ProjectNotFound = 600501;

    public const int ProjectInvalid = 600502;

    public const int NoPrivilege = 600503;
}
