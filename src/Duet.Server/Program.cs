using Duet.Server.Hosting;
using Duet.Server.Lan;
using Microsoft.Extensions.Options;

// The composition root: every registration and route table lives in an extension named after its part.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    // The bare "--lan" flag (read by AddDuetLan) is no key=value pair: the command-line configuration would take the
    // next argument as its value and lose that setting.
    Args = LanExtensions.WithoutLanFlag(args),
    // Built web assets are copied next to the server's assembly (see Duet.Server.csproj).
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

try
{
    // Registration reads some settings already (limits, LAN), so a value that does not parse can fail here too.
    builder.AddDuet();
    var app = builder.Build();
    // Check the validated options now rather than when the host starts: before the first run makes and prints a project,
    // and without the host's "Hosting failed to start" log and its stack trace.
    app.Services.GetService<IStartupValidator>()?.Validate();
    app.MapDuet();
    app.Run();
}
catch (Exception e) when (e is DuetConfigurationException or OptionsValidationException || IsUnconvertibleSetting(e) || IsUnboundAddress(e)
    || IsUnusableAddress(e))
{
    // A configuration mistake is the operator's to fix: say what is wrong, without a stack trace.
    var reason = e switch
    {
        OptionsValidationException v => string.Join(" ", v.Failures),
        _ when IsUnusableAddress(e) && !IsUnboundAddress(e) =>
            $"The address to listen on ('{builder.Configuration[WebHostDefaults.ServerUrlsKey]}', from --urls or ASPNETCORE_URLS) cannot be used: {e.Message}",
        _ => e.Message,
    };
    Console.Error.WriteLine($"Duet cannot start: {reason}");
    return 1;
}

return 0;

// The configuration binder's "Failed to convert configuration value 'abc' at 'Duet:…' to type 'System.Int32'."
static bool IsUnconvertibleSetting(Exception e) =>
    e is InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder", InnerException: not null };

// Kestrel's "Failed to bind to address http://…: address already in use." (or one the process may not bind).
static bool IsUnboundAddress(Exception e) =>
    e is IOException && e.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal);

// Kestrel's other refusals of --urls / ASPNETCORE_URLS, each its own exception type from its address binder: "Invalid
// url", a scheme other than http/https, a port beyond 65535, an address this machine does not have.
static bool IsUnusableAddress(Exception e) =>
    e.StackTrace?.Contains("Kestrel.Core.Internal.AddressBinder", StringComparison.Ordinal) == true;

/// <summary>Visible to tests that host the server in-process.</summary>
public partial class Program;
