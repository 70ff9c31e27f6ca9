namespace Streamis.Workflows.StreamJobs.Upload;

/// <summary>A resource file from the zip, read into memory within the upload limits.</summary>
public sealed record UploadedFile(string Name, byte[] Content);
