using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lantern.Security;

/// <summary>
/// Limits every request body to what its endpoint needs: small for ordinary forms, larger where an
/// endpoint says so with <c>[RequestSizeLimit]</c>. A body over the limit is answered with a page that
/// says what happened (413, re-executed by the status code pages), never a bare error. The limit holds
/// for bodies without a length too (chunked), counted as they are read.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    /// <summary>Ordinary forms: plenty for every text field we have, far below a file.</summary>
    public const long DefaultLimit = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The error page re-executed for this very request must not be refused again.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Items.ContainsKey(Site.NotSavedRequest.ItemKey))
        {
            await next(context);
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultLimit;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is null && (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)))
        {
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        }

        try
        {
            // Read a form here, within the limit, so that a form too large is told as such (and not
            // as a missing anti-forgery token, which is what reading it later would report).
            if (context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
        catch (InvalidDataException) when (!context.Response.HasStarted)
        {
            // Form reader limits (too many fields, a value too long) say the same thing in another way.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }
}
