namespace Samordning.Notifications.Contracts;

/// <summary>
/// Removes e-mails another module queued, when the data they carry must go (a contributor's receipt once the
/// input is anonymised or erased): the stored message and, without an SMTP server, its file in the pickup folder.
/// Mail already handed to an SMTP server is beyond reach; the Notifications module keeps no copy of it either.
/// </summary>
public interface IMailErasure
{
    /// <summary>Erases the messages queued with these keys (<see cref="OutgoingMail.Key"/>); unknown keys are skipped. Returns how many were erased.</summary>
    Task<int> EraseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
