using Samordning.Ministries.Contracts;
using Samordning.Ministries.Data;

namespace Samordning.Ministries.People;

// The header's language switch, for a signed-in person: their own choice, so no version is asked for (the last choice
// wins); the change is audited like any other. Registered by the host's Scrutor scan as IPersonLanguage.
internal sealed class SetPreferredLanguage(MinistriesDbContext db) : IPersonLanguage
{
    public async Task SetPreferredLanguageAsync(Guid personId, string language, CancellationToken cancellationToken)
    {
        if (!PersonRequest.IsLanguage(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "Expected nb, nn or en.");
        }

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null || person.PreferredLanguage == language)
        {
            return;
        }

        person.PreferredLanguage = language;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the person at the same moment: the cookie still holds the choice for this browser.
        }
    }
}
