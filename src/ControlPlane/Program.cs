using Platform.ControlPlane.Commands;
using Platform.ControlPlane.Hosting;
using Platform.Shared.Hosting;

var commandLine = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.HostArgs);
if (!StartupGuard.ValidateConfiguration(builder.Configuration, "controlplane"))
{
    return StartupGuard.ConfigurationErrorExitCode;
}

builder.AddControlPlane();
var app = builder.Build();
if (commandLine.Command is { } command)
{
    return await CommandRunner.RunAsync(app.Services, command, commandLine.CommandArgs);
}

app.MapControlPlane();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
