using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace DytePS
{
    /// <summary>
    /// What every object read from the service shares: the values the module could not read as the
    /// type it gives them (an id that is not a UUID, a date it cannot parse, a number too big for
    /// its property). Such a value never ends a listing: its property keeps its default (empty or
    /// null) and the text the service sent is kept here, by the API's field name, for the user to see.
    /// </summary>
    public abstract class DyteObject
    {
        /// <summary>Field name (as the API spells it) to the value as sent; null when every value was read.</summary>
        [JsonIgnore]
        public IReadOnlyDictionary<string, string>? UnreadValues { get; internal set; }
    }
}
