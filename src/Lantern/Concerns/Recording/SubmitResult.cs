namespace Lantern.Concerns.Recording;

/// <summary>What a submit did: the concern (made now, or found made before), or what is still missing.</summary>
public sealed record SubmitResult(Concern? Concern, bool Replayed, IReadOnlyList<(string Step, string Message)> Missing);
