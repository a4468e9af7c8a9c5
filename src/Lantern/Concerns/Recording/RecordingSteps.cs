namespace Lantern.Concerns.Recording;

/// <summary>The steps of recording a concern, in order, as they appear in the address.</summary>
public static class RecordingSteps
{
    public const string Danger = "danger";
    public const string CallEmergency = "call-999";
    public const string Staff = "staff";
    public const string Children = "children";
    public const string NewChild = "new-child";
    public const string WhatHappened = "what-happened";
    public const string Attachments = "attachments";
    public const string Check = "check";

    public static string Path(Guid draftId, string step) => $"/concerns/new/{draftId}/{step}";
}
