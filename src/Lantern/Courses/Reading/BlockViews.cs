using Lantern.Courses.Model;

namespace Lantern.Courses.Reading;

/// <summary>What the knowledge-check partial needs: the question, where it is, and this request's answer to it if any.</summary>
public sealed record CheckView(CheckBlock Block, BookPlace Place, CheckAnswer? Answer);

/// <summary>What the case-study partial needs: the case study, where it is, and the reader's place in it if any.</summary>
public sealed record CaseView(CaseStudyBlock Block, BookPlace Place, CaseState? State);
