namespace Lantern.Concerns.Recording;

/// <summary>
/// Everything typed so far, exactly as typed (strings, so nothing a person wrote is ever lost to a
/// parse error). Bound from each step's form, merged into the draft, sealed as JSON.
/// </summary>
public sealed class ConcernDraftContent
{
    public string? ImmediateDanger { get; set; }

    public string? AboutStaff { get; set; }

    public string? SubjectPersonId { get; set; }

    public List<string> ChildIds { get; set; } = [];

    public List<NewChildInput> NewChildren { get; set; } = [];

    public List<string> Categories { get; set; } = [];

    public string? WhatHappened { get; set; }

    public string? ChildsWords { get; set; }

    public string? OccurredDay { get; set; }

    public string? OccurredMonth { get; set; }

    public string? OccurredYear { get; set; }

    public string? OccurredTime { get; set; }

    public string? Where { get; set; }

    public string? WhoWasPresent { get; set; }

    public string? RaisedBy { get; set; }

    /// <summary>Anything else noticed, beside the signs ticked.</summary>
    public string? Indicators { get; set; }

    /// <summary>Warning signs ticked, by indicator id, from catalogue version <see cref="CatalogueVersion"/>.</summary>
    public List<string> IndicatorIds { get; set; } = [];

    /// <summary>The catalogue version the form listed, as posted.</summary>
    public string? CatalogueVersion { get; set; }

    public bool IsUrgent => ImmediateDanger == "yes";

    public bool IsAboutStaff => AboutStaff == "yes";
}
