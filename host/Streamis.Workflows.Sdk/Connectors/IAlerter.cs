namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>Delivers alerts (mail, IM, a webhook...). Every registered alerter receives every alert.</summary>
public interface IAlerter
{
    string Name { get; }

    Task SendAsync(Alert alert, CancellationToken cancellationToken);
}
