namespace Lantern.Printing;

/// <summary>
/// One block of a printed document. Course blocks (reveals, knowledge checks, case studies, slides,
/// transcripts, charts, references) are mapped onto these few kinds before printing.
/// </summary>
public abstract record PrintBlock;
