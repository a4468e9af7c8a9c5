namespace Lantern.Printing;

/// <summary>A horizontal rule between sections; decorative, so drawn as an artefact.</summary>
public sealed record PrintRule : PrintBlock;
