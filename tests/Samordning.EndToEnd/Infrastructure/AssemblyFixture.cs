using Samordning.EndToEnd.Infrastructure;

// Starting the host and the browser takes seconds; every test class shares one of each.
[assembly: AssemblyFixture(typeof(EndToEndFixture))]
[assembly: HostLog]
