namespace Lantern.Learning.Records;

/// <summary>Where a completion came from: a course book read in Lantern, or training done elsewhere and recorded by a manager.</summary>
public enum CompletionSource
{
    Lantern = 0,
    Elsewhere = 1,
}
