namespace MotCua.Web.Platform;

/// <summary>
/// What this host is. The one binary runs as a <b>centre</b> (the default: a commune's laptop server or a province's
/// web nodes) or as a <b>field kit</b> on a mobile team's laptop, when <c>MotCua:Field:Server</c> names the centre it
/// syncs with. A field kit receives outreach and home-visit dossiers offline; every later step of a dossier is taken
/// at the centre once it has synced.
/// </summary>
public sealed record NodeRole(Uri? Centre)
{
    public static readonly NodeRole CentreNode = new((Uri?)null);

    public bool IsFieldKit => Centre is not null;

    /// <summary>Whether dossiers move on from here (processing, supplements, results). A field kit only receives them.</summary>
    public bool TakesDossierSteps => !IsFieldKit;

    public static NodeRole From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var server = configuration["MotCua:Field:Server"];
        return string.IsNullOrWhiteSpace(server) ? CentreNode : new NodeRole(new Uri(server.TrimEnd('/') + "/", UriKind.Absolute));
    }
}
