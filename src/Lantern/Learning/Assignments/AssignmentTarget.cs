namespace Lantern.Learning.Assignments;

/// <summary>Who an assignment is for.</summary>
public enum AssignmentTarget
{
    Everyone = 0,
    Person = 1,
    Role = 2,
    Location = 3,
}
