using Duet.Server.Hosting;

// The composition root: every registration and route table lives in an extension named after its part.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // Built web assets are copied next to the server's assembly (see Duet.Server.csproj).
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

builder.AddDuet();

var app = builder.Build();
app.MapDuet();
app.Run();

/// <summary>Visible to tests that host the server in-process.</summary>
public partial class Program;
