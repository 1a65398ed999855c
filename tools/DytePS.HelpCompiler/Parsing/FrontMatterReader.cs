using System.Collections.Immutable;
using DytePS.HelpCompiler.Model;

namespace DytePS.HelpCompiler.Parsing;

/// <summary>
/// Reads the "---" YAML block at the top of a platyPS page. platyPS only ever writes flat
/// "key: value" lines there (keys with spaces, such as "external help file"), so that is all this
/// accepts; anything else is reported rather than guessed at.
/// </summary>
internal static class FrontMatterReader
{
    /// <summary>
    /// Splits <paramref name="text"/> (line breaks already '\n') into its front matter and body. The body
    /// keeps the front matter's lines as blank lines, so markdown line numbers stay file line numbers.
    /// </summary>
    public static (HelpFrontMatter FrontMatter, string Body) Read(string text, string file, bool required)
    {
        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            if (required)
            {
                throw new HelpParseException(file, 1, "bad front matter: a platyPS page starts with a '---' YAML block "
                    + "(schema: 2.0.0, external help file: ..., online version: ...), and this one does not");
            }
            return (HelpFrontMatter.Empty, text);
        }

        var end = Array.FindIndex(lines, 1, line => line.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            throw new HelpParseException(file, 1, "bad front matter: the '---' block opened on line 1 is never closed by a '---' line");
        }

        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < end; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;

            var colon = line.IndexOf(':');
            var key = colon < 0 ? "" : line[..colon].Trim();
            if (key.Length == 0 || char.IsWhiteSpace(line[0]))
            {
                throw new HelpParseException(file, i + 1, $"bad front matter: expected a 'key: value' line, found '{line.Trim()}'");
            }
            if (values.ContainsKey(key))
            {
                throw new HelpParseException(file, i + 1, $"bad front matter: key '{key}' appears twice");
            }
            values[key] = Unquote(line[(colon + 1)..].Trim());
        }

        var body = string.Concat(Enumerable.Repeat("\n", end + 1)) + string.Join('\n', lines.Skip(end + 1));
        return (new HelpFrontMatter(values.ToImmutable()), body);
    }

    /// <summary>Checks the keys a cmdlet page needs: schema 2.0.0, and an online version Get-Help -Online can open.</summary>
    public static void ValidateForCommand(HelpFrontMatter frontMatter, string file)
    {
        var schema = frontMatter.Schema;
        if (schema is null)
        {
            throw new HelpParseException(file, 1, "bad front matter: no 'schema: 2.0.0' key (this compiler reads platyPS schema 2.0.0)");
        }
        if (schema != "2.0.0")
        {
            throw new HelpParseException(file, 1, $"bad front matter: schema is '{schema}', but this compiler reads platyPS schema 2.0.0");
        }
        ValidateOnlineVersion(frontMatter, file);
    }

    /// <summary>Get-Help -Online refuses anything but a well-formed absolute address, so catch that at build time.</summary>
    public static void ValidateOnlineVersion(HelpFrontMatter frontMatter, string file)
    {
        var online = frontMatter.OnlineVersion;
        if (online is not null && !IsWebAddress(online))
        {
            throw new HelpParseException(file, 1, $"bad front matter: online version '{online}' is not an absolute http(s) address");
        }
    }

    internal static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && Uri.IsWellFormedUriString(value, UriKind.Absolute);

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
