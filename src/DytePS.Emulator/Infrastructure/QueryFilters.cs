namespace DytePS.Emulator.Infrastructure;

/// <summary>The real service's optional list filters (status, meeting_id, ...), checked like body fields: 400 naming the parameter.</summary>
public static class QueryFilters
{
    public static string? Enum(HttpRequest request, string name, IReadOnlyCollection<string> allowed)
    {
        var text = request.Query[name].ToString();
        if (string.IsNullOrEmpty(text)) return null;
        if (!allowed.Contains(text))
            throw ApiProblem.BadRequest($"'{name}' must be one of {string.Join(", ", allowed)}; got '{text}'.");
        return text;
    }

    public static Guid? Uuid(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (string.IsNullOrEmpty(text)) return null;
        return RouteIds.TryParse(text, out var id) ? id : throw ApiProblem.BadRequest($"'{name}' must be a UUID.");
    }
}
