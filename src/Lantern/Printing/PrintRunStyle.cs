namespace Lantern.Printing;

/// <summary>How a run of text is set.</summary>
public enum PrintRunStyle
{
    Plain,
    Bold,
    Italic,
    BoldItalic,
}
