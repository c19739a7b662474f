using Microsoft.Playwright;

namespace Samordning.EndToEnd.Infrastructure;

// One real host and one browser for the whole assembly; every test gets a browser context of its own, so
// cookies and sessions never leak from one test into another.
public sealed class EndToEndFixture : IAsyncLifetime
{
    // The Chromium of the machine (a Debian package installed by build/install-prerequisites): Playwright's own
    // browser download is never used.
    private const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--no-first-run",
    ];

    private HostProcess? host;
    private IPlaywright? playwright;
    private IBrowser? browser;

    // The one instance of the run, for the host log that HostLogAttribute adds to each test's output.
    internal static EndToEndFixture? Running { get; private set; }

    public Uri Address => (Host ?? throw new InvalidOperationException("The fixture is not initialised.")).Address;

    internal HostProcess? Host => host;

    public async ValueTask InitializeAsync()
    {
        // A machine under load (2 cores, a cold host) answers the first pages slower than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);

        host = await HostProcess.StartAsync(TestContext.Current.CancellationToken);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        await WarmUpSignInAsync();
        Running = this;
    }

    // The first sign-in of a cold host runs the whole OpenID Connect round trip for the first time (the challenge,
    // the authorize endpoint, the sign-in page, the callback, the registry lookup), all of it compiled on first use:
    // on a loaded 2-core machine it once took over 15 s and failed whichever tests came first. One sign-in here,
    // with a generous timeout, pays for it before any test's clock starts.
    private async Task WarmUpSignInAsync()
    {
        const float ColdHostTimeout = 120_000;
        await using var context = await NewContextAsync();
        context.SetDefaultTimeout(ColdHostTimeout);
        Assertions.SetDefaultExpectTimeout(ColdHostTimeout);
        try
        {
            var page = await context.NewPageAsync();
            await page.SignInAsync("/departementer", Accounts.Coordinator);
        }
        finally
        {
            Assertions.SetDefaultExpectTimeout(15_000);
        }
    }

    // bypassCsp only for the accessibility checks, which inject axe-core as an inline script the app's CSP forbids.
    // languageCookie: false gives a browser that has never chosen a language (see the other overload).
    public Task<IBrowserContext> NewContextAsync(bool bypassCsp = false, bool languageCookie = true) => NewContextAsync(Address, bypassCsp, languageCookie);

    // A context for another host (one signed in through another identity provider), in the same browser.
    // Every browser starts with Bokmål chosen (the culture cookie), because a person's chosen language is kept in the
    // registry and wins in a browser that has chosen none: a test that switches a demo account to English must not
    // turn the pages of the tests running beside it, which sign in as the same account, into English.
    public Task<IBrowserContext> NewContextAsync(Uri baseAddress, bool bypassCsp = false, bool languageCookie = true) =>
        NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.GetLeftPart(UriPartial.Authority), BypassCSP = bypassCsp }, languageCookie);

    // A browser with script turned off (JavaScriptEnabled = false), signed in as email. Signing in goes through the
    // identity provider's pages, whose answer posts back with script, so it happens in a browser with script, and
    // that session is carried over.
    public async Task<IBrowserContext> NewContextWithoutScriptAsync(string email)
    {
        string session;
        await using (var signIn = await NewContextAsync())
        {
            await (await signIn.NewPageAsync()).SignInAsync("/", email);
            session = await signIn.StorageStateAsync();
        }

        return await NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.GetLeftPart(UriPartial.Authority), JavaScriptEnabled = false, StorageState = session }, languageCookie: true);
    }

    private async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options, bool languageCookie)
    {
        options.Locale = "nb-NO";
        options.TimezoneId = "Europe/Oslo";
        var baseAddress = new Uri(options.BaseURL!);
        var context = await (browser ?? throw new InvalidOperationException("The fixture is not initialised.")).NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        if (languageCookie)
        {
            await context.AddCookiesAsync([new Cookie
            {
                Name = ".AspNetCore.Culture",
                Value = Uri.EscapeDataString("c=nb-NO|uic=nb-NO"),
                Url = baseAddress.GetLeftPart(UriPartial.Authority),
            }]);
        }

        return context;
    }

    public async ValueTask DisposeAsync()
    {
        Running = null;
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
