using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace DytePS.Infrastructure
{
    /// <summary>
    /// Turns what a script passes as -Body (hashtables, PSCustomObjects, arrays, scalars, .NET
    /// objects) into dictionaries, lists and scalars the client serializes as JSON. Strings pass
    /// through: the client takes a string body as JSON text.
    /// </summary>
    internal static class PSObjectToGraph
    {
        private const int MaxDepth = 32;

        public static object Convert(object body) => Convert(body, 0) ?? throw new ArgumentException("The body is empty.");

        private static object? Unwrap(object? value) =>
            value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;

        private static object? Convert(object? value, int depth)
        {
            if (depth > MaxDepth) throw new ArgumentException($"The body is nested deeper than {MaxDepth} levels.");
            value = Unwrap(value);
            switch (value)
            {
                case null:
                case string _:
                case bool _:
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _: case long _: case ulong _:
                case float _: case double _: case decimal _:
                    return value;
                case char c:
                    return c.ToString();
                case SwitchParameter sw:
                    return sw.IsPresent;
                case Guid _:
                case Uri _:
                case Enum _:
                    return value.ToString();
                case DateTime dt:
                    return dt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset dto:
                    return dto.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
                case IDictionary dictionary:
                    var fromDictionary = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary)
                        fromDictionary[System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = Convert(entry.Value, depth + 1);
                    return fromDictionary;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence) list.Add(Convert(item, depth + 1));
                    return list;
                default:
                    var fromProperties = new Dictionary<string, object?>();
                    foreach (var property in PSObject.AsPSObject(value).Properties)
                    {
                        if (property.IsGettable) fromProperties[property.Name] = Convert(property.Value, depth + 1);
                    }
                    return fromProperties;
            }
        }
    }
}
