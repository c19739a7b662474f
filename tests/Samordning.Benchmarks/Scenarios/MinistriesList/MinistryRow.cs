using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samordning.Benchmarks.Scenarios.MinistriesList;

// The shape of the product's MinistryListItem, declared here rather than borrowed, so that the floor does not
// depend on the code it is the floor for and the comparison catches a change to either side.
internal sealed record MinistryRow(Guid Id, string Code, string NameNb, string NameEn, bool Active, int AgencyCount, long Version);

// Source-generated, with the web defaults ASP.NET Core's minimal APIs use (camelCase), so both sides send the
// same JSON shape.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<MinistryRow>))]
internal sealed partial class MinistryRowJson : JsonSerializerContext;
