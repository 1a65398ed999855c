using System.Management.Automation;
using DytePS.Client;

namespace DytePS.Infrastructure
{
    /// <summary>JSON values (<see cref="JsonGraph"/>) to what ConvertFrom-Json gives: PSCustomObject, object[], scalars.</summary>
    internal static class JsonGraphToPSObject
    {
        public static object? Convert(object? value)
        {
            switch (value)
            {
                case JsonObjectGraph properties:
                    var result = new PSObject();
                    foreach (var property in properties)
                        result.Properties.Add(new PSNoteProperty(property.Key, Convert(property.Value)));
                    return result;
                case object?[] items:
                    var converted = new object?[items.Length];
                    for (var i = 0; i < items.Length; i++) converted[i] = Convert(items[i]);
                    return converted;
                default:
                    return value;
            }
        }
    }
}
