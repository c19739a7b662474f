using Samordning.Host;
using Samordning.Host.Modules;

var builder = WebApplication.CreateBuilder(args);
builder.AddSamordning(ModuleCatalog.Discover());

var app = builder.Build();
await app.UseSamordningAsync();
await app.RunAsync();

/// <summary>The host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
