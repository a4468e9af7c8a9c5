using Lantern.Commands;
using Lantern.Courses.Import;
using Lantern.Courses.Print;
using Lantern.Courses.Reading;

namespace Lantern.Courses;

public static class CourseServices
{
    /// <summary>Course books: import (at start, by upload, by command), reading, printing, and the course media.</summary>
    public static WebApplicationBuilder AddCourses(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CourseOptions>().BindConfiguration(CourseOptions.Section);
        services.AddSingleton<CourseCatalog>();
        services.AddOutputCache(o => o.AddBasePolicy(new PublicPageCache()));
        services.AddSingleton<CoursePdfs>();
        services.AddScoped<CourseImporter>();
        services.AddHostedService<LibraryImport>();
        services.AddSingleton<ILanternCommand, ImportCourseCommand>();
        return builder;
    }

    public static WebApplication MapCourseMedia(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CourseMedia.Map(app);
        return app;
    }

    /// <summary>The books and chapters as PDFs to download.</summary>
    public static WebApplication MapCoursePdfs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CoursePdfEndpoints.Map(app);
        return app;
    }
}
