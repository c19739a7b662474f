namespace Samordning.Shared.Persistence;

/// <summary>
/// Marks an entity property that holds a person's personal data (a contributor's name, e-mail address or own
/// words). The audit log never stores its value, only that it changed (<see cref="AuditLog.Redacted"/>): the
/// record itself is what retention and erasure clear, and a copy in the audit log would outlive them.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PersonalDataAttribute : Attribute;
