using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lantern.Courses.Model;

/// <summary>How a course version's content is written to and read from its JSON column.</summary>
public static class CourseJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
