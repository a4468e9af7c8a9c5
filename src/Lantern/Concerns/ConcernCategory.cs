namespace Lantern.Concerns;

/// <summary>The kinds of harm a concern may be about (Keeping Children Safe in Education 2025, part one); several may apply.</summary>
public enum ConcernCategory
{
    PhysicalAbuse,
    EmotionalAbuse,
    SexualAbuse,
    Neglect,
    ChildSexualExploitation,
    ChildCriminalExploitation,
    ChildOnChildAbuse,
    OnlineAbuse,
    DomesticAbuse,
    Radicalisation,
    FemaleGenitalMutilation,
    Other,
}
