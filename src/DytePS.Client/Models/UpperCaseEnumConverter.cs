using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DytePS.Client
{
    /// <summary>Writes enum members as the API spells them: <c>Inactive</c> becomes "INACTIVE".</summary>
    public sealed class UpperCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum> where TEnum : struct, Enum
    {
        public UpperCaseEnumConverter() : base(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) { }
    }
}
