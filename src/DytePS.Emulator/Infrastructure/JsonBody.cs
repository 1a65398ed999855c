using System.Text.Json;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// A request body checked against the document field by field, so that a wrong type or value
/// answers 400 naming the field, as the service does, instead of being ignored or crashing.
/// </summary>
public sealed class JsonBody
{
    private readonly JsonElement _root;
    // "storage_config." inside a nested object, so messages name the full path of a field.
    private readonly string _prefix;

    private JsonBody(JsonElement root, string prefix = "")
    {
        _root = root;
        _prefix = prefix;
    }

    /// <summary>The largest request body, in bytes; a larger one answers 413 (Kestrel enforces it, see DyteEmulator).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The longest string any field takes, unless the field sets its own limit (a meeting title: 1024).</summary>
    public const int MaxStringLength = 4096;

    /// <summary>
    /// Reads the body as a JSON object; an absent body counts as <c>{}</c> when <paramref name="required"/>
    /// is false. The body must be UTF-8, and every string in it (property names included) valid text:
    /// a lone surrogate escape such as <c>"\ud800"</c> is JSON the service cannot store, so it is a
    /// 400 here, not a 500 when a handler reads the field.
    /// </summary>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, bool required = true)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            throw ApiProblem.BadRequest("The request body is not valid UTF-8.");
        if (buffer.Length == 0)
        {
            if (required) throw ApiProblem.BadRequest("A JSON request body is required.");
            return new JsonBody(JsonDocument.Parse("{}").RootElement.Clone());
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw ApiProblem.BadRequest("The request body must be a JSON object.");
            CheckText(document.RootElement, "");
            return new JsonBody(document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadRequest("The request body is not valid JSON: " + e.Message);
        }
    }

    /// <summary>Reads every string and property name once, so invalid text is refused naming where it is.</summary>
    private static void CheckText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try { name = property.Name; }
                    catch (InvalidOperationException)
                    {
                        throw ApiProblem.BadRequest($"A property name in {(path.Length == 0 ? "the request body" : $"'{path}'")} is not valid text (a lone surrogate escape).");
                    }
                    CheckText(property.Value, path.Length == 0 ? name : path + "." + name);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) CheckText(item, path);
                break;
            case JsonValueKind.String:
                try { element.GetString(); }
                catch (InvalidOperationException)
                {
                    throw ApiProblem.BadRequest($"'{path}' is not valid text: it holds a lone surrogate escape (such as \\ud800 without its pair).");
                }
                break;
        }
    }

    private string Field(string name) => _prefix + name;

    /// <summary>Whether the body names the field at all, even as null.</summary>
    public bool Sent(string name) => _root.TryGetProperty(name, out _);

    public bool Has(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name, bool required = false, bool allowEmpty = true, int maxLength = MaxStringLength)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) throw ApiProblem.BadRequest($"'{Field(name)}' is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String) throw ApiProblem.BadRequest($"'{Field(name)}' must be a string.");
        var text = value.GetString()!;
        if (!allowEmpty && string.IsNullOrWhiteSpace(text)) throw ApiProblem.BadRequest($"'{Field(name)}' must not be empty.");
        if (text.Length > maxLength) throw ApiProblem.BadRequest($"'{Field(name)}' must be at most {maxLength} characters; got {text.Length}.");
        return text;
    }

    public bool? Bool(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiProblem.BadRequest($"'{Field(name)}' must be a boolean."),
        };
    }

    /// <param name="digitsAsString">Also take the integer as a string of digits ("4"), as header-like values are often written.</param>
    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue, bool digitsAsString = false)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        var number = 0;
        var isInt = value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt32(out number)
            : digitsAsString && value.ValueKind == JsonValueKind.String
                && int.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
        if (!isInt) throw ApiProblem.BadRequest($"'{Field(name)}' must be an integer.");
        if (number < min || number > max)
            throw ApiProblem.BadRequest(max == int.MaxValue
                ? $"'{Field(name)}' must be at least {min}."
                : $"'{Field(name)}' must be between {min} and {max}.");
        return number;
    }

    public double? Number(string name, double min, double max)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number) throw ApiProblem.BadRequest($"'{Field(name)}' must be a number.");
        var number = value.GetDouble();
        if (number < min || number > max) throw ApiProblem.BadRequest($"'{Field(name)}' must be between {min} and {max}.");
        return number;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/> (compared exactly, as the service does).</summary>
    public string? Enum(string name, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var text = String(name, required);
        if (text != null && !allowed.Contains(text))
            throw ApiProblem.BadRequest($"'{Field(name)}' must be one of {string.Join(", ", allowed)}; got '{text}'.");
        return text;
    }

    public Guid? Uuid(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null) return null;
        if (!RouteIds.TryParse(text, out var id)) throw ApiProblem.BadRequest($"'{Field(name)}' must be a UUID.");
        return id;
    }

    /// <summary>An absolute http(s) URL, as the document's <c>format: uri</c> fields require.</summary>
    public string? Url(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null) return null;
        // Well-formed too: Uri.TryCreate alone takes spaces and other characters a URI cannot hold,
        // and the value is answered back in fields the document declares format: uri.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !Uri.IsWellFormedUriString(text, UriKind.Absolute))
            throw ApiProblem.BadRequest($"'{Field(name)}' must be an absolute http or https URL.");
        return text;
    }

    public JsonBody? Object(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) throw ApiProblem.BadRequest($"'{Field(name)}' must be an object.");
        return new JsonBody(value, Field(name) + ".");
    }

    public List<string>? StringArray(string name, bool required = false)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) throw ApiProblem.BadRequest($"'{Field(name)}' is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array) throw ApiProblem.BadRequest($"'{Field(name)}' must be an array of strings.");
        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw ApiProblem.BadRequest($"'{Field(name)}' must be an array of strings.");
            var text = item.GetString()!;
            if (text.Length > MaxStringLength) throw ApiProblem.BadRequest($"Each of '{Field(name)}' must be at most {MaxStringLength} characters.");
            items.Add(text);
        }
        return items;
    }
}

/// <summary>Route values that the document declares as UUIDs.</summary>
public static class RouteIds
{
    public static Guid Parse(string value, string name) =>
        TryParse(value, out var id) ? id : throw ApiProblem.BadRequest($"'{name}' must be a UUID.");

    /// <summary>
    /// Only the hyphenated 8-4-4-4-12 form is a UUID (format: uuid); Guid.TryParse would also take
    /// 32 bare hex digits, braces and parentheses, which the service refuses.
    /// </summary>
    public static bool TryParse(string? value, out Guid id) => Guid.TryParseExact(value, "D", out id);
}
