using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Newsroom.Api.Http;

/// <summary>Every instant leaves the API in UTC with a Z ("2025-07-02T08:30:00Z"), whatever offset it was read or stored with.</summary>
internal sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
